import { httpStatusOf, isRookeryError, type RookeryError } from "@rookery/core";
import { ok, safeTry } from "neverthrow";
import { guideTenancy, join } from "./setup.js";

// #region http
/** Turns a Rookery error into an HTTP answer: status from the code, body safe to show. */
function toHttpResponse(error: RookeryError): { status: number; body: Record<string, unknown> } {
  const status = httpStatusOf(error.code);
  switch (error.code) {
    case "VALIDATION":
      return { status, body: { code: error.code, message: error.message, issues: error.issues } };
    case "FORBIDDEN":
      // The trace names roles, actions and ids of the caller's own tenant. Show it to
      // the caller if your product wants to; always log it.
      return { status, body: { code: error.code, message: error.message, trace: error.trace } };
    case "LIMIT_EXCEEDED":
      return { status, body: { code: error.code, message: error.message, limit: error.limit } };
    case "UNAVAILABLE":
    case "INTERNAL":
      // `cause` may hold a driver's exception: log it, never send it.
      return { status, body: { code: error.code, message: error.message } };
    default:
      return { status, body: { code: error.code, message: error.message } };
  }
}
// #endregion http

/** Runs the snippets of docs/guides/errors.md and returns what they produced. */
export function runErrorsGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy();
    const penguin = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const pat = yield* tenancy.as(penguin.owner.userId);
    const globex = yield* pat.workspaces.create({ name: "Globex Client" });
    const max = yield* join(tenancy, pat, { email: "max@penguin.example", name: "Max" });
    const launch = yield* pat
      .resources("campaign")
      .create({ workspaceId: globex.id, data: { subject: "Launch week" } });
    const krill = yield* tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", name: "Kim" },
    });
    const kim = yield* tenancy.as(krill.owner.userId);
    const maxScope = yield* tenancy.as(max.userId);

    // #region handle
    // In a route handler: GET /campaigns/:id
    const result = await maxScope.resources("campaign").get(launch.id);
    const response = result.match(
      (campaign) => ({ status: 200, body: { ...campaign } }),
      (error) => toHttpResponse(error),
    );
    // Max is not assigned to Globex Client: { status: 403, body: { code: "FORBIDDEN", ... } }
    // #endregion handle

    // #region not-found
    const foreign = await kim.resources("campaign").get(launch.id);
    const missing = await kim.resources("campaign").get("0b7e3a4c-5d6f-4a1b-9c8d-7e6f5a4b3c2d");
    // Both: { code: "NOT_FOUND", message: "No such resource.", entity: "resource" }.
    // Kim cannot tell Penguin Corp's campaign from an id that was never used.
    const foreignWorkspace = await kim.workspaces.rename(globex.id, { name: "Mine now" });
    // NOT_FOUND as well, and nothing changed.
    // #endregion not-found

    // #region forbidden
    const denied = await maxScope.resources("campaign").get(launch.id);
    if (denied.isErr() && denied.error.code === "FORBIDDEN") {
      console.warn(denied.error.message);
      // Not allowed: workspace ... is not assigned to the actor.
      for (const line of denied.error.trace) console.warn(`  ${line}`);
      //   denied (workspace-not-assigned) at the workspace step
      //   tenant: passed: actor and target are both in tenant ...
      //   input: passed: actor ... (member) asks to campaign.read
      //   role: passed: role member is granted campaign.read, but only in workspaces assigned to the actor
      //   workspace: denied: workspace ... is not assigned to the actor
    }
    // #endregion forbidden

    // #region validation
    const badData = await pat.resources("campaign").create({
      workspaceId: globex.id,
      data: { subject: "" },
    });
    // issues: [{ path: "data.subject", message: "Too small: expected string to have >=1 characters" }]
    const badUser = await tenancy.platform.registerUser({
      email: "max(at)penguin.example",
      name: " ",
    });
    const fields =
      badUser.isErr() && badUser.error.code === "VALIDATION" ? badUser.error.issues : [];
    // One issue a failed field, each with its path:
    // [{ path: "email", message: "must be an e-mail address" },
    //  { path: "name", message: "Too small: expected string to have >=1 characters" }]
    // #endregion validation

    // #region unknown
    function describeFailure(thrown: unknown): string {
      // For values that arrive as unknown (a queue's payload, a catch block):
      return isRookeryError(thrown) ? `${thrown.code}: ${thrown.message}` : "unexpected failure";
    }
    // #endregion unknown

    return ok({
      response,
      fields,
      foreign,
      missing,
      foreignWorkspace,
      denied,
      badData,
      globexAfter: yield* pat.workspaces.get(globex.id),
      describeFailure,
      toHttpResponse,
    });
  });
}
