import { packageBuild } from "../../scripts/tsup-config.js";

export default packageBuild();
