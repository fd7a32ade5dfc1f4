import { createTenancy, type IdGenerator, type RookeryError } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { err, ok, type Result, safeTry } from "neverthrow";
import { plans, resources, settings } from "./penguinmails.js";

/**
 * The whole PenguinMails story on the in-memory adapter: a company signs up,
 * builds its team and workspaces, fills them, and two attempts are refused,
 * one from another company and one from a member outside their workspace.
 * Returns the lines it would print, so a test can read them too.
 */
export async function runDemo(
  options: { readonly ids?: IdGenerator } = {},
): Promise<Result<string[], RookeryError>> {
  const tenancy = createTenancy({
    adapter: memoryAdapter(),
    plans,
    settings,
    resources,
    ...options,
  });
  if (tenancy.isErr()) return err(tenancy.error);
  const { platform, as, invitations } = tenancy.value;
  const lines: string[] = [];
  const say = (line: string) => lines.push(line);

  return safeTry(async function* () {
    // Signup: one call makes the company, its owner, subscription and first workspace.
    // The owner is who the product's authentication says signed up (its subject).
    const penguin = yield* platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat", subject: "auth|pat" },
      firstWorkspace: { name: "Acme Client" },
      idempotencyKey: "signup-penguin-corp",
    });
    const pat = yield* as({ subject: "auth|pat" });
    // The team: Pat invites by e-mail; each person signs up in the product and
    // accepts with the token their invitation e-mail carried.
    const join = (person: {
      email: string;
      name: string;
      role: "admin" | "member";
      subject: string;
    }) =>
      safeTry(async function* () {
        const { token } = yield* pat.invitations.create({ email: person.email, role: person.role });
        yield* platform.registerUser({
          email: person.email,
          name: person.name,
          subject: person.subject,
        });
        return invitations.accept(token, { subject: person.subject });
      });
    const ada = yield* join({
      email: "ada@penguin.example",
      name: "Ada",
      role: "admin",
      subject: "auth|ada",
    });
    const max = yield* join({
      email: "max@penguin.example",
      name: "Max",
      role: "member",
      subject: "auth|max",
    });
    const mia = yield* join({
      email: "mia@penguin.example",
      name: "Mia",
      role: "member",
      subject: "auth|mia",
    });
    // Workspaces and who works in them.
    const acme = penguin.workspace;
    if (acme === null)
      return err<never, RookeryError>({ code: "INVARIANT", message: "no first workspace" });
    const adminScope = yield* as(ada.userId);
    const globex = yield* adminScope.workspaces.create({ name: "Globex Client" });
    yield* adminScope.workspaces.assign(acme.id, max.userId);
    yield* adminScope.workspaces.assign(globex.id, mia.userId);
    // Resources: members work inside their workspaces; templates are the company's.
    const maxScope = yield* as(max.userId);
    const miaScope = yield* as(mia.userId);
    yield* maxScope
      .resources("campaign")
      .create({ workspaceId: acme.id, data: { subject: "Spring sale", status: "draft" } });
    yield* maxScope
      .resources("domain")
      .create({ workspaceId: acme.id, data: { hostname: "mail.acme.example", verified: true } });
    yield* maxScope
      .resources("contact")
      .create({ workspaceId: acme.id, data: { email: "buyer@acme.example", name: "Buyer" } });
    const globexCampaign = yield* miaScope
      .resources("campaign")
      .create({ workspaceId: globex.id, data: { subject: "Launch week", status: "sent" } });
    yield* adminScope
      .resources("template")
      .create({ data: { name: "Newsletter", html: "<h1>Hello</h1>" } });
    yield* pat.settings.update({ timezone: "Europe/Oslo" });
    yield* adminScope.settings.overrideForWorkspace(globex.id, { signature: "— The Globex team" });

    say(`Platform`);
    say(
      `└─ Tenant ${penguin.tenant.name} (plan ${penguin.subscription.plan}, ${penguin.subscription.limits.seats} seats)`,
    );
    const members = yield* pat.members.list();
    say(`   ├─ Users`);
    for (const m of members.items) say(`   │  ├─ ${m.name ?? m.email} <${m.email}>: ${m.role}`);
    const company = yield* pat.settings.get();
    say(
      `   ├─ Settings: timezone ${String(company.timezone)}, daily send limit ${String(company.dailySendLimit)}`,
    );
    const templates = yield* pat.resources("template").list();
    say(
      `   ├─ Templates (shared by every workspace): ${templates.items.map((t) => t.data.name).join(", ")}`,
    );
    const workspaces = yield* pat.workspaces.list();
    say(`   └─ Workspaces`);
    for (const ws of workspaces.items) {
      const assignees = yield* pat.workspaces.assignees(ws.id);
      const names = members.items
        .filter((m) => assignees.some((a) => a.userId === m.userId))
        .map((m) => m.name);
      const effective = yield* pat.settings.effective(ws.id);
      say(
        `      ├─ ${ws.name} (assigned: ${names.join(", ") || "nobody"}; signature "${String(effective.signature)}")`,
      );
      for (const type of ["campaign", "domain", "contact"] as const) {
        const found = yield* pat.resources(type).list({ workspaceId: ws.id });
        for (const r of found.items) say(`      │  ├─ ${type}: ${JSON.stringify(r.data)}`);
      }
    }

    // Another company on the same platform, with a workspace of the very same name.
    const krill = yield* platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", name: "Kim" },
      firstWorkspace: { name: "Acme Client" },
    });
    const kim = yield* as(krill.owner.userId);
    const kimsView = yield* kim.resources("campaign").list();
    say("");
    say(
      `Krill Inc's owner lists campaigns: ${kimsView.items.length} found (Penguin Corp's are invisible)`,
    );
    const crossTenant = await kim.resources("campaign").get(globexCampaign.id);
    say(`Krill Inc's owner asks for Penguin Corp's campaign by id: ${describe(crossTenant)}`);
    say(
      "   (NOT_FOUND, never FORBIDDEN: an answer about another tenant must not confirm it exists)",
    );
    const outsideWorkspace = await maxScope.resources("campaign").get(globexCampaign.id);
    say(
      `Max (member of Acme Client) asks for a Globex Client campaign: ${describe(outsideWorkspace)}`,
    );
    if (outsideWorkspace.isErr() && outsideWorkspace.error.code === "FORBIDDEN") {
      for (const line of outsideWorkspace.error.trace) say(`   ${line}`);
    }
    const maxSees = yield* maxScope.resources("campaign").list();
    say(`Max lists campaigns: ${maxSees.items.map((c) => c.data.subject).join(", ")}`);
    return ok(lines);
  });
}

function describe(result: Result<unknown, RookeryError>): string {
  return result.isOk() ? "allowed" : `${result.error.code} — ${result.error.message}`;
}
