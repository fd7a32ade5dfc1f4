import { packageBuild } from "../../scripts/tsup-config.js";

// Two entries: applications import the package, adapter authors "./adapter".
export default packageBuild({ entry: ["src/index.ts", "src/adapter.ts"] });
