import { expect, test } from "vitest";
import { helpDesk, helpDeskWithArchive, newsroom, runExamples } from "./help-desk.js";

test("the policy examples of the docs run and decide as the docs say", () => {
  expect(runExamples()).toEqual([
    "agent updates an EU ticket: true",
    "agent updates a US ticket: false",
    "agent edits a macro: false",
    "agent archives: false",
    'agent lists tickets: {"kind":"workspaces","workspaceIds":["support-eu"]}',
    "denied (tenant-mismatch) at the tenant step",
    "tenant: denied: the target belongs to tenant globex, not the actor's tenant acme; another tenant's data must look absent (NOT_FOUND), never forbidden",
    "editor edits a sports story: true",
    "editor publishes it: not-granted",
  ]);
});

test("the example policies the docs define compile without problems", () => {
  for (const policy of [helpDesk, helpDeskWithArchive, newsroom]) {
    expect(policy.problems).toEqual([]);
  }
});
