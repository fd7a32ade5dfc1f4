import { registerAssignmentTests } from "./assignments.js";
import { defineGroup } from "./group.js";
import { registerWorkspaceTests } from "./workspaces.js";

export const workspacesAndAssignmentsGroup = defineGroup("workspaces and assignments", (test) => {
  registerWorkspaceTests(test);
  registerAssignmentTests(test);
});
