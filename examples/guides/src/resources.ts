import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { ok, safeTry } from "neverthrow";
import { z } from "zod";
import { firstWorkspaceOf, join } from "./setup.js";

/** Runs the snippets of docs/guides/resources.md and returns what they produced. */
export function runResourcesGuide() {
  return safeTry(async function* () {
    // #region declare
    const tenancy = yield* createTenancy({
      adapter: memoryAdapter(),
      plans: { starter: { limits: { seats: 5, workspaces: 3 } } },
      resources: {
        // Lives in one workspace: seen by the workspace's assignees and by admins.
        campaign: {
          scope: "workspace",
          schema: z.strictObject({
            subject: z.string().min(1).max(200),
            status: z.enum(["draft", "sent"]).default("draft"),
          }),
        },
        // Shared by the whole tenant: everyone reads, owners and admins write.
        template: {
          scope: "tenant",
          schema: z.strictObject({ name: z.string().min(1), html: z.string() }),
        },
      },
    });
    // #endregion declare

    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const acme = yield* firstWorkspaceOf(signup);
    const pat = yield* tenancy.as(signup.owner.userId);
    const max = yield* join(tenancy, pat, { email: "max@penguin.example", name: "Max" });
    yield* pat.workspaces.assign(acme.id, max.userId);
    const globex = yield* pat.workspaces.create({ name: "Globex Client" });
    const maxScope = yield* tenancy.as(max.userId);

    // #region create
    const campaigns = maxScope.resources("campaign");
    const spring = yield* campaigns.create({
      workspaceId: acme.id,
      data: { subject: "Spring sale" },
    });
    // spring.data is typed { subject: string; status: "draft" | "sent" } and holds
    // the schema's output: { subject: "Spring sale", status: "draft" }.
    // spring.version === 1, spring.createdBy === max.userId
    // #endregion create

    // #region unknown-type
    // @ts-expect-error "invoice" is not a declared resource type.
    const invoices = await maxScope.resources("invoice").list();
    // And at run time: VALIDATION, "unknown resource type 'invoice'".
    // #endregion unknown-type

    // #region create-errors
    const noWorkspace = await campaigns.create({ data: { subject: "Where?" } });
    // VALIDATION: [{ path: "workspaceId", message: "required: this type lives in a workspace" }]
    const badData = await campaigns.create({ workspaceId: acme.id, data: { subject: "" } });
    // VALIDATION: [{ path: "data.subject", message: "Too small: expected string to have >=1 characters" }]
    const notHis = await campaigns.create({ workspaceId: globex.id, data: { subject: "Hi" } });
    // FORBIDDEN: Max is not assigned to Globex Client.
    // #endregion create-errors

    // #region read-update
    const read = yield* campaigns.get(spring.id);
    const sent = yield* campaigns.update(read.id, { subject: "Spring sale", status: "sent" });
    // sent.version === 2. The data is replaced, not merged: a field left out
    // takes its schema default again.
    // #endregion read-update

    // #region expected-version
    // Two people opened version 2; both save.
    const first = await campaigns.update(
      spring.id,
      { subject: "Spring sale: 20% off", status: "sent" },
      { expectedVersion: 2 },
    );
    const second = await campaigns.update(
      spring.id,
      { subject: "Spring sale!", status: "sent" },
      { expectedVersion: 2 },
    );
    // first is Ok (version 3); second is CONFLICT: reload, merge, retry.
    // #endregion expected-version

    const launch = yield* pat
      .resources("campaign")
      .create({ workspaceId: globex.id, data: { subject: "Launch week" } });
    yield* campaigns.create({ workspaceId: acme.id, data: { subject: "Summer sale" } });

    // #region list
    const mine = yield* campaigns.list();
    // Max sees the campaigns of Acme Client only: the list is read through the
    // policy's filter, so it holds exactly what get() would allow.
    const all = yield* pat.resources("campaign").list();
    // Pat, the owner, sees Globex Client's "Launch week" too.
    const ofGlobex = await campaigns.list({ workspaceId: globex.id });
    // FORBIDDEN: asking for one workspace is checked like get().
    const launchById = await campaigns.get(launch.id);
    // FORBIDDEN, with the trace explaining the workspace step.
    // #endregion list

    // #region paginate
    const titles: string[] = [];
    let after: string | undefined;
    do {
      const page = yield* pat
        .resources("campaign")
        .list(after === undefined ? { limit: 2 } : { limit: 2, after });
      titles.push(...page.items.map((c) => c.data.subject));
      after = page.next ?? undefined;
    } while (after !== undefined);
    // Pages come in id order; the default ids are time-ordered to the millisecond.
    // #endregion paginate

    // #region tenant-scoped
    const welcome = yield* pat
      .resources("template")
      .create({ data: { name: "Welcome", html: "<h1>Hello</h1>" } });
    const maxTemplates = yield* maxScope.resources("template").list();
    // Max reads the tenant's templates ...
    const maxWrites = await maxScope
      .resources("template")
      .update(welcome.id, { name: "Mine", html: "" });
    // ... but FORBIDDEN to write them: members only read tenant-scoped types.
    const inWorkspace = await pat
      .resources("template")
      .create({ workspaceId: acme.id, data: { name: "X", html: "" } });
    // VALIDATION: [{ path: "workspaceId", message: "not allowed: this type is shared by the tenant" }]
    // #endregion tenant-scoped

    // #region archived
    yield* pat.workspaces.archive(globex.id);
    const frozen = await pat
      .resources("campaign")
      .create({ workspaceId: globex.id, data: { subject: "Too late" } });
    // INVARIANT: "The workspace is archived; unarchive it to change its resources."
    const stillReadable = yield* pat.resources("campaign").get(launch.id);
    // #endregion archived

    // #region delete
    yield* campaigns.delete(spring.id);
    const deleted = await campaigns.get(spring.id);
    // NOT_FOUND
    // #endregion delete

    return ok({
      maxId: max.userId,
      spring,
      invoices,
      noWorkspace,
      badData,
      notHis,
      sent,
      first,
      second,
      mine: mine.items.map((c) => c.data.subject),
      all: all.items.map((c) => c.data.subject),
      ofGlobex,
      launchById,
      titles,
      maxTemplates: maxTemplates.items.map((t) => t.data.name),
      maxWrites,
      inWorkspace,
      frozen,
      stillReadable,
      deleted,
    });
  });
}
