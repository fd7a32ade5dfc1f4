import { packageBuild } from "../../scripts/tsup-config.js";

// ESM only: the suite imports vitest, which refuses to be loaded with require().
export default packageBuild({ format: ["esm"] });
