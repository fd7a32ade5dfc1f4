import type { ProvisionedTenant } from "@rookery/core";
import fc from "fast-check";
import { okAsync } from "neverthrow";
import { command, type Pick, pick, pickTenant, pickUser } from "../command.js";
import { learnTenant, learnUser, learnWorkspace } from "../known.js";
import {
  email,
  idempotencyKey,
  pageLimit,
  personName,
  plan,
  subscriptionStatus,
  tenantName,
  workspaceName,
} from "./values.js";

/** Provisioning opens every sequence: mostly valid input, so that the sequence has tenants. */
const provisionArgs = fc.record({
  name: tenantName,
  plan,
  owner: fc.oneof(
    { weight: 4, arbitrary: fc.record({ email, name: personName }) },
    { weight: 1, arbitrary: fc.record({ user: pick }) },
  ),
  subscriptionStatus: fc.option(subscriptionStatus, { nil: undefined, freq: 2 }),
  firstWorkspace: fc.option(workspaceName, { nil: undefined, freq: 4 }),
  idempotencyKey,
});

/** Provisioning, first of every sequence and drawn again later. */
export const provisionTenant = command({
  name: "platform.provisionTenant",
  weight: 4,
  args: provisionArgs,
  resolve: (a, known) => ({
    name: a.name,
    plan: a.plan,
    owner:
      "user" in a.owner
        ? { userId: pickUser(a.owner.user, known, null) }
        : { email: a.owner.email, ...(a.owner.name === undefined ? {} : { name: a.owner.name }) },
    ...(a.subscriptionStatus === undefined ? {} : { subscriptionStatus: a.subscriptionStatus }),
    ...(a.firstWorkspace === undefined ? {} : { firstWorkspace: { name: a.firstWorkspace } }),
    ...(a.idempotencyKey === undefined ? {} : { idempotencyKey: a.idempotencyKey }),
  }),
  call: (side, input) => side.tenancy.platform.provisionTenant(input as never),
  learn: (known, _input, value) => {
    const made = value as ProvisionedTenant;
    learnTenant(known, made.tenant.id);
    learnUser(known, made.owner.userId, made.tenant.id);
    if (made.workspace !== null) learnWorkspace(known, made.workspace.id, made.tenant.id);
  },
});

const tenantArg = fc.record({ tenant: pick });
const resolveTenant = (a: { tenant: Pick }, known: Parameters<typeof pickTenant>[1]) =>
  pickTenant(a.tenant, known, null);

/** The operator's calls that name one tenant. */
const byTenant = (
  name: "getTenant" | "suspendTenant" | "reactivateTenant" | "offboardTenant" | "exportTenant",
  weight = 2,
) =>
  command({
    name: `platform.${name}`,
    weight,
    args: tenantArg,
    resolve: resolveTenant,
    call: (side, tenantId) => side.tenancy.platform[name](tenantId),
  });

export const platformCommands = [
  provisionTenant,
  byTenant("getTenant", 4),
  byTenant("suspendTenant", 1),
  byTenant("reactivateTenant", 6),
  byTenant("offboardTenant", 1),
  byTenant("exportTenant", 4),
  command({
    name: "platform.purgeTenant",
    weight: 2,
    args: tenantArg,
    resolve: resolveTenant,
    call: (side, tenantId) => side.tenancy.platform.purgeTenant(tenantId),
  }),
  command({
    name: "platform.listTenants",
    weight: 4,
    args: fc.record({
      status: fc.option(fc.constantFrom("active", "suspended", "deleted"), { nil: undefined }),
      limit: pageLimit,
      after: fc.option(pick, { nil: undefined }),
    }),
    resolve: (a, known) => ({
      ...(a.status === undefined ? {} : { status: a.status }),
      ...(a.limit === undefined ? {} : { limit: a.limit }),
      ...(a.after === undefined ? {} : { after: pickTenant(a.after, known, null) }),
    }),
    call: (side, query) => side.tenancy.platform.listTenants(query as never),
  }),
  command({
    // Not a service call: time passes, for retention (purge) and job token expiry.
    name: "clock.advance",
    weight: 4,
    args: fc.constantFrom(1_000, 3_600_000, 86_400_000, 31 * 86_400_000),
    resolve: (ms) => ms,
    call: (side, ms) => {
      side.clock.advance(ms);
      return okAsync(ms);
    },
  }),
];
