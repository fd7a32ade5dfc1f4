import { packageBuild } from "../../scripts/tsup-config.js";

export default packageBuild({ entry: ["src/index.ts", "src/cli.ts"] });
