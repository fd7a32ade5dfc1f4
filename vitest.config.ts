import { defineConfig } from "vitest/config";
import { projects, sourceAliases } from "./vitest.workspace.js";

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects,
  },
});
