import { packageBuild, sourceEntries } from "../../scripts/tsup-config.js";

// The `rookery` CLI is a bin, not an export: built beside the entries.
export default packageBuild({ entry: [...sourceEntries(), "src/cli.ts"] });
