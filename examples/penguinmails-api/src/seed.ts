import type { RookeryError } from "@rookery/core";
import type { Result } from "neverthrow";
import type { AppAuth } from "./auth.js";
import type { ResourceType } from "./penguinmails.js";
import type { AppScope, AppTenancy } from "./tenancy.js";

/** A seeded person the console's sign-in page offers. */
export interface DemoLogin {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly role: "owner" | "admin" | "member";
  readonly company: string;
  /** The workspaces a member is assigned to, by name (owners and admins see all). */
  readonly workspaces: readonly string[];
}

/** Every demo account has this password: the demo is public by nature. */
const DEMO_PASSWORD = "rookery-demo";

const person = (
  name: string,
  email: string,
  role: DemoLogin["role"],
  company: string,
  workspaces: readonly string[] = [],
): DemoLogin => ({ name, email, password: DEMO_PASSWORD, role, company, workspaces });

/** The people of the seed, in a fixed order: owners first. */
export const DEMO_LOGINS = [
  person("Pat Penguin", "pat@penguin.example", "owner", "Penguin Corp"),
  person("Ada Admin", "ada@penguin.example", "admin", "Penguin Corp"),
  person("Max Member", "max@penguin.example", "member", "Penguin Corp", ["Acme Client"]),
  person("Mia Member", "mia@penguin.example", "member", "Penguin Corp", ["Globex Client"]),
  person("Kim Krill", "kim@krill.example", "owner", "Krill Inc"),
  person("Kai Krill", "kai@krill.example", "member", "Krill Inc", ["Krill Digest"]),
] as const satisfies readonly DemoLogin[];

type SeededResource = readonly [
  key: string,
  company: "penguin" | "krill",
  type: ResourceType,
  workspace: "acme" | "globex" | "digest" | null,
  data: Record<string, unknown>,
];

/** The companies' things, by a key the tests use. */
const RESOURCES: readonly SeededResource[] = [
  ["spring", "penguin", "campaign", "acme", { subject: "Spring launch" }],
  ["welcome", "penguin", "campaign", "acme", { subject: "Welcome series", status: "sent" }],
  [
    "quarterly",
    "penguin",
    "campaign",
    "globex",
    { subject: "Quarterly update", status: "scheduled" },
  ],
  ["acmeDomain", "penguin", "domain", "acme", { hostname: "mail.acme.example", verified: true }],
  ["globexDomain", "penguin", "domain", "globex", { hostname: "news.globex.example" }],
  ["wile", "penguin", "contact", "acme", { email: "wile@acme.example", name: "Wile E." }],
  ["hank", "penguin", "contact", "globex", { email: "hank@globex.example", name: "Hank" }],
  ["newsletter", "penguin", "template", null, { name: "Newsletter", html: "<h1>News</h1>" }],
  ["krillCampaign", "krill", "campaign", "digest", { subject: "Krill digest #1" }],
  ["krillDomain", "krill", "domain", "digest", { hostname: "news.krill.example" }],
  ["krillContact", "krill", "contact", "digest", { email: "reader@krill.example", name: "Reader" }],
  ["krillTemplate", "krill", "template", null, { name: "Digest", html: "<p>Krill digest</p>" }],
];

/** What the seed made, by name, for tests that need ids. */
export interface Seeded {
  readonly tenants: Record<string, string>;
  readonly users: Record<string, string>;
  readonly workspaces: Record<string, string>;
  readonly resources: Record<string, string>;
}

/** The seed is the app's own data: a refusal is a bug here, and stops the start. */
function must<T>(result: Result<T, RookeryError>): T {
  if (result.isErr())
    throw new Error(`Seeding failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Two companies, made through the same paths the API takes: accounts signed
 * up with better-auth, each company founded by its owner, everyone else
 * invited and accepting. The content is fixed, so every start looks the same.
 */
export async function seed(tenancy: AppTenancy, auth: AppAuth): Promise<Seeded> {
  const users: Record<string, string> = {};
  const subjects: Record<string, string> = {};
  for (const login of DEMO_LOGINS) {
    const made = await auth.api.signUpEmail({
      body: { email: login.email, password: login.password, name: login.name },
    });
    subjects[login.email] = made.user.id;
  }
  const subjectOf = (email: string) => subjects[email] ?? "";

  const found = async (login: DemoLogin, plan: "starter" | "growth", workspace: string) => {
    const made = must(
      await tenancy.platform.provisionTenant({
        name: login.company,
        plan,
        owner: { email: login.email, subject: subjectOf(login.email), name: login.name },
        firstWorkspace: { name: workspace },
      }),
    );
    users[login.email] = made.owner.userId;
    const scope = must(await tenancy.as({ subject: subjectOf(login.email) }));
    return { scope, tenantId: made.tenant.id, workspaceId: made.workspace?.id ?? "" };
  };

  const join = async (inviter: AppScope, login: DemoLogin, workspaceIds: string[]) => {
    const role = login.role === "admin" ? "admin" : "member";
    const issued = must(
      await inviter.invitations.create({ email: login.email, role, workspaceIds }),
    );
    const member = must(
      await tenancy.invitations.accept(issued.token, { subject: subjectOf(login.email) }),
    );
    users[login.email] = member.userId;
  };

  const [pat, ada, max, mia, kim, kai] = DEMO_LOGINS;
  const penguin = await found(pat, "growth", "Acme Client");
  const acme = penguin.workspaceId;
  const globex = must(await penguin.scope.workspaces.create({ name: "Globex Client" })).id;
  await join(penguin.scope, ada, []);
  await join(penguin.scope, max, [acme]);
  await join(penguin.scope, mia, [globex]);
  const krill = await found(kim, "starter", "Krill Digest");
  await join(krill.scope, kai, [krill.workspaceId]);

  const resources: Record<string, string> = {};
  const workspaceIdOf = { acme, globex, digest: krill.workspaceId } as const;
  for (const [key, company, type, workspace, data] of RESOURCES) {
    const scope = company === "penguin" ? penguin.scope : krill.scope;
    const input = {
      ...(workspace === null ? {} : { workspaceId: workspaceIdOf[workspace] }),
      data,
    };
    resources[key] = must(await scope.resources(type).create(input as never)).id;
  }
  const p = penguin.scope;
  must(await p.settings.update({ timezone: "Europe/Paris", signature: "The Penguin Corp team" }));
  must(await p.settings.overrideForWorkspace(globex, { signature: "Penguin Corp for Globex" }));
  must(await krill.scope.settings.update({ signature: "The Krill Inc team" }));

  return {
    tenants: { penguin: penguin.tenantId, krill: krill.tenantId },
    users,
    workspaces: workspaceIdOf,
    resources,
  };
}
