import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { penguinMails, TEST_JOB_SECRET, type TenancyWorld } from "@rookery/testing";

/** A path into a call's arguments: `[0]` is the first argument, `[0, "name"]` its `name`. */
export type Slot = readonly (string | number)[];

/**
 * One public entry point: valid arguments in the world (as A's owner where a
 * scope is needed, so that input reaches as deep as it can), the parts of
 * them the campaign replaces, and the call.
 */
export interface EntryPoint {
  readonly name: string;
  /** `n` counts the entry point's calls, the same on every side: for fresh e-mails and keys. */
  args(w: TenancyWorld, n: number): unknown[];
  readonly slots: readonly Slot[];
  call(w: TenancyWorld, args: readonly unknown[]): unknown;
}

type Call = (...args: unknown[]) => unknown;
/** Calls a method with arguments its types would refuse: what a JavaScript caller can do. */
const untyped = (fn: unknown): Call => fn as Call;
const owner = (w: TenancyWorld) => w.a.as.owner;
const one = (
  name: string,
  args: (w: TenancyWorld, n: number) => unknown[],
  slots: readonly Slot[],
  call: (w: TenancyWorld) => unknown,
): EntryPoint => ({
  name,
  args,
  slots,
  call: (w, a) => untyped(call(w))(...a),
});

/**
 * A well-formed invitation token naming A and an invitation that does not
 * exist: the valid argument answers NOT_FOUND, and the hostile ones must too,
 * or VALIDATION, without reaching further.
 */
const tokenShaped = (w: TenancyWorld): string =>
  `rki_${Buffer.concat([
    Buffer.from(w.a.tenantId.replaceAll("-", ""), "hex"),
    Buffer.from("0190f0b2c3d47e5f8a6b7c8d9e0f1a2b", "hex"),
    Buffer.alloc(32, 7),
  ]).toString("base64url")}`;

const PAGE_SLOTS: readonly Slot[] = [[0], [0, "limit"], [0, "after"]];

/** `scope.resources(type).<method>(...)` with the type as the hostile slot (`[0]`). */
function byType(
  method: "list" | "get" | "create" | "update" | "delete",
  rest: (w: TenancyWorld) => unknown[],
): EntryPoint {
  return {
    name: `scope.resources(type).${method}`,
    args: (w) => ["campaign", ...rest(w)],
    slots: [[0]],
    call: (w, [type, ...args]) => {
      const service = untyped(owner(w).resources)(type) as Record<string, Call>;
      return untyped(service[method])(...args);
    },
  };
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    // The configuration: the store is never touched, so any adapter does for both sides.
    name: "createTenancy",
    args: () => [
      {
        adapter: memoryAdapter(),
        ...penguinMails(),
        retentionDays: 30,
        jobs: { secret: TEST_JOB_SECRET },
      },
    ],
    slots: [
      [0],
      [0, "plans"],
      [0, "plans", "starter"],
      [0, "plans", "starter", "limits", "seats"],
      [0, "resources"],
      [0, "resources", "campaign"],
      [0, "resources", "campaign", "scope"],
      [0, "settings"],
      [0, "settings", "workspaceOverridable"],
      [0, "retentionDays"],
      [0, "jobs"],
      [0, "jobs", "secret"],
    ],
    call: (_w, [options]) => untyped(createTenancy)(options),
  },
  one(
    "tenancy.as(userId)",
    (w) => [w.a.ids.member],
    [[0]],
    (w) => w.tenancy.as,
  ),
  one(
    "tenancy.as({ userId, tenantId })",
    (w) => [{ userId: w.a.ids.member, tenantId: w.a.tenantId }],
    [[0], [0, "userId"], [0, "tenantId"]],
    (w) => w.tenancy.as,
  ),
  one(
    "tenancy.fromJob",
    (w) => [w.a.as.member.toJob()._unsafeUnwrap()],
    [[0]],
    (w) => w.tenancy.fromJob,
  ),
  one(
    "platform.provisionTenant",
    (_w, n) => [
      {
        name: "Hostile Corp",
        plan: "starter",
        owner: { email: `new-${n}@hostile.example`, name: "Nat" },
        firstWorkspace: { name: "First" },
        subscriptionStatus: "trialing",
        idempotencyKey: `hostile-signup-${n}`,
      },
    ],
    [
      [0],
      [0, "name"],
      [0, "plan"],
      [0, "owner"],
      [0, "owner", "email"],
      [0, "owner", "name"],
      [0, "firstWorkspace"],
      [0, "firstWorkspace", "name"],
      [0, "subscriptionStatus"],
      [0, "idempotencyKey"],
    ],
    (w) => w.tenancy.platform.provisionTenant,
  ),
  one(
    "platform.provisionTenant (existing owner)",
    (w) => [{ name: "Hostile Corp", plan: "starter", owner: { userId: w.a.ids.member } }],
    [
      [0, "owner"],
      [0, "owner", "userId"],
    ],
    (w) => w.tenancy.platform.provisionTenant,
  ),
  ...(
    [
      "getTenant",
      "exportTenant",
      "suspendTenant",
      "reactivateTenant",
      "offboardTenant",
      "purgeTenant",
    ] as const
  ).map((name) =>
    one(
      `platform.${name}`,
      (w) => [w.b.tenantId],
      [[0]],
      (w) => w.tenancy.platform[name],
    ),
  ),
  one(
    "platform.listTenants",
    (w) => [{ status: "active", limit: 2, after: w.a.tenantId }],
    [...PAGE_SLOTS, [0, "status"]],
    (w) => w.tenancy.platform.listTenants,
  ),
  byType("list", () => []),
  byType("get", (w) => [w.a.campaign1]),
  byType("create", (w) => [{ workspaceId: w.a.ws1, data: { subject: "Hi", status: "draft" } }]),
  byType("update", (w) => [w.a.campaign1, { subject: "Hi", status: "sent" }]),
  byType("delete", (w) => [w.a.campaign1]),
  one(
    "members.list",
    (w) => [{ limit: 2, after: w.a.ids.owner }],
    PAGE_SLOTS,
    (w) => owner(w).members.list,
  ),
  one(
    "members.get",
    (w) => [w.a.ids.admin],
    [[0]],
    (w) => owner(w).members.get,
  ),
  one(
    "platform.registerUser",
    (_w, n) => [{ email: `new-${n}@a.example`, name: "Nat", subject: `auth|new-${n}` }],
    [[0], [0, "email"], [0, "name"], [0, "subject"]],
    (w) => w.tenancy.platform.registerUser,
  ),
  one(
    "platform.findUser",
    () => [{ subject: "ada|a" }],
    [[0], [0, "subject"]],
    (w) => w.tenancy.platform.findUser,
  ),
  one(
    "tenancy.as (subject)",
    () => [{ subject: "max|a" }],
    [[0], [0, "subject"]],
    (w) => w.tenancy.as,
  ),
  one(
    "invitations.create",
    (w, n) => [{ email: `invitee-${n}@a.example`, role: "member", workspaceIds: [w.a.ws1] }],
    [[0], [0, "email"], [0, "role"], [0, "workspaceIds"]],
    (w) => owner(w).invitations.create,
  ),
  one(
    "invitations.list",
    () => [{ status: "pending", limit: 10 }],
    [...PAGE_SLOTS, [0, "status"]],
    (w) => owner(w).invitations.list,
  ),
  one(
    "invitations.revoke",
    (w) => [w.a.ws1],
    [[0]],
    (w) => owner(w).invitations.revoke,
  ),
  one(
    "tenancy.invitations.inspect",
    (w) => [tokenShaped(w)],
    [[0]],
    (w) => w.tenancy.invitations.inspect,
  ),
  one(
    "tenancy.invitations.accept",
    (w) => [tokenShaped(w), { userId: w.a.ids.member }],
    [[0], [1], [1, "userId"]],
    (w) => w.tenancy.invitations.accept,
  ),
  one(
    "tenancy.invitations.decline",
    (w) => [tokenShaped(w)],
    [[0]],
    (w) => w.tenancy.invitations.decline,
  ),
  one(
    "scope.can",
    (w) => ["campaign.read", { workspaceId: w.a.ws1 }],
    [[0], [1], [1, "workspaceId"]],
    (w) => owner(w).can,
  ),
  one(
    "platform.sweepProvisioning",
    () => [{ olderThanSeconds: 3_600 }],
    [[0], [0, "olderThanSeconds"]],
    (w) => w.tenancy.platform.sweepProvisioning,
  ),
  one(
    "events.sweep",
    () => [{ batch: 10 }],
    [[0], [0, "batch"]],
    (w) => w.tenancy.events.sweep,
  ),
  one(
    "members.add (by id)",
    (w) => [{ userId: w.b.ids.member, role: "admin" }],
    [[0, "userId"]],
    (w) => owner(w).members.add,
  ),
  one(
    "members.changeRole",
    (w) => [w.a.ids.member, "admin"],
    [[0], [1]],
    (w) => owner(w).members.changeRole,
  ),
  one(
    "members.remove",
    (w) => [w.a.ids.member],
    [[0]],
    (w) => owner(w).members.remove,
  ),
  one(
    "members.transferOwnership",
    (w) => [w.a.ids.admin],
    [[0]],
    (w) => owner(w).members.transferOwnership,
  ),
  one(
    "workspaces.create",
    () => [{ name: "Hostile" }],
    [[0], [0, "name"]],
    (w) => owner(w).workspaces.create,
  ),
  one(
    "workspaces.list",
    (w) => [{ status: "active", limit: 1, after: w.a.ws1 }],
    [...PAGE_SLOTS, [0, "status"]],
    (w) => owner(w).workspaces.list,
  ),
  one(
    "workspaces.rename",
    (w) => [w.a.ws2, { name: "Renamed" }],
    [[0], [1], [1, "name"]],
    (w) => owner(w).workspaces.rename,
  ),
  ...(["get", "archive", "unarchive", "assignees", "delete"] as const).map((name) =>
    one(
      `workspaces.${name}`,
      (w) => [w.a.ws2],
      [[0]],
      (w) => owner(w).workspaces[name],
    ),
  ),
  one(
    "workspaces.assign",
    (w) => [w.a.ws1, w.a.ids.admin],
    [[0], [1]],
    (w) => owner(w).workspaces.assign,
  ),
  one(
    "workspaces.unassign",
    (w) => [w.a.ws1, w.a.ids.member],
    [[0], [1]],
    (w) => owner(w).workspaces.unassign,
  ),
  one(
    "subscription.changePlan",
    () => ["starter"],
    [[0]],
    (w) => owner(w).subscription.changePlan,
  ),
  one(
    "subscription.setStatus",
    () => ["past_due"],
    [[0]],
    (w) => owner(w).subscription.setStatus,
  ),
  one(
    "settings.update",
    () => [{ timezone: "Europe/Oslo", sendingWindow: { start: 9, end: 17 }, signature: "Hi" }],
    [[0], [0, "timezone"], [0, "sendingWindow"], [0, "sendingWindow", "start"], [0, "signature"]],
    (w) => owner(w).settings.update,
  ),
  one(
    "settings.effective",
    (w) => [w.a.ws1],
    [[0]],
    (w) => owner(w).settings.effective,
  ),
  one(
    "settings.overrideForWorkspace",
    (w) => [w.a.ws1, { signature: "— Acme", trackOpens: false }],
    [[0], [1], [1, "signature"], [1, "trackOpens"]],
    (w) => owner(w).settings.overrideForWorkspace,
  ),
  one(
    "audit.list",
    (w) => [{ limit: 2, after: w.a.campaign1 }],
    PAGE_SLOTS,
    (w) => owner(w).audit.list,
  ),
  one(
    "campaign.create",
    (w) => [{ workspaceId: w.a.ws1, data: { subject: "Hello", status: "draft" } }],
    [[0], [0, "workspaceId"], [0, "data"], [0, "data", "subject"], [0, "data", "status"]],
    (w) => owner(w).resources("campaign").create,
  ),
  one(
    "campaign.get",
    (w) => [w.a.campaign1],
    [[0]],
    (w) => owner(w).resources("campaign").get,
  ),
  one(
    "campaign.update",
    (w) => [w.a.campaign1, { subject: "Changed", status: "sent" }, { expectedVersion: 1 }],
    [[0], [1], [1, "subject"], [2], [2, "expectedVersion"]],
    (w) => owner(w).resources("campaign").update,
  ),
  one(
    "campaign.list",
    (w) => [{ workspaceId: w.a.ws1, limit: 1, after: w.a.campaign1 }],
    [...PAGE_SLOTS, [0, "workspaceId"]],
    (w) => owner(w).resources("campaign").list,
  ),
  one(
    "campaign.delete",
    (w) => [w.a.campaign2],
    [[0]],
    (w) => owner(w).resources("campaign").delete,
  ),
  one(
    "template.create",
    () => [{ data: { name: "Hostile", html: "<p>x</p>" } }],
    [
      [0, "workspaceId"],
      [0, "data", "name"],
      [0, "data", "html"],
    ],
    (w) => owner(w).resources("template").create,
  ),
  one(
    "template.update",
    (w) => [w.a.template, { name: "T", html: "<p>y</p>" }],
    [
      [1, "name"],
      [1, "html"],
    ],
    (w) => owner(w).resources("template").update,
  ),
];
