import type { PenguinScope, TenancyWorld } from "@rookery/testing";
import type { Pending } from "../differential/side.js";

/**
 * The public calls that run more than one unit of work (and a few that run
 * one, as a control), each with what must be true before it (`prepare`, run
 * without faults) and the call itself.
 */
export interface BoundaryCall {
  readonly name: string;
  prepare?(w: TenancyWorld): unknown;
  call(w: TenancyWorld): Pending;
}

const owner = (w: TenancyWorld): PenguinScope => w.a.as.owner;
// What a call's `prepare` made for it, by world: each store prepares its own (tokens are random).
const signedUp = new WeakMap<TenancyWorld, string>();
const invited = new WeakMap<TenancyWorld, { readonly token: string; readonly userId: string }>();
const DAY = 86_400_000;

export const BOUNDARY_CALLS: readonly BoundaryCall[] = [
  {
    name: "platform.provisionTenant (a new owner)",
    call: (w) =>
      w.tenancy.platform.provisionTenant({
        name: "Boundary Corp",
        plan: "starter",
        owner: { email: "new@boundary.example" },
        firstWorkspace: { name: "First" },
        idempotencyKey: "boundary-signup-1",
      }),
  },
  {
    name: "platform.provisionTenant (an existing user as owner)",
    prepare: (w) => owner(w).members.remove(w.a.ids.member),
    call: (w) =>
      w.tenancy.platform.provisionTenant({
        name: "Boundary Corp",
        plan: "starter",
        owner: { userId: w.a.ids.member },
      }),
  },
  {
    name: "members.add (a person just signed up)",
    prepare: async (w) => {
      const user = await w.tenancy.platform.registerUser({ email: "new@a.example" });
      if (user.isOk()) signedUp.set(w, user.value.id);
    },
    call: (w) => owner(w).members.add({ userId: signedUp.get(w) ?? "" }),
  },
  {
    name: "invitations.accept",
    prepare: async (w) => {
      const issued = await owner(w).invitations.create({ email: "invitee@a.example" });
      const user = await w.tenancy.platform.registerUser({ email: "invitee@a.example" });
      if (issued.isOk() && user.isOk()) {
        invited.set(w, { token: issued.value.token, userId: user.value.id });
      }
    },
    call: (w) => {
      const made = invited.get(w);
      return w.tenancy.invitations.accept(made?.token ?? "", { userId: made?.userId ?? "" });
    },
  },
  {
    name: "members.add (an existing user of no tenant)",
    prepare: (w) => w.b.as.owner.members.remove(w.b.ids.member),
    call: (w) => owner(w).members.add({ userId: w.b.ids.member }),
  },
  { name: "members.remove", call: (w) => owner(w).members.remove(w.a.ids.member) },
  { name: "members.leave", call: (w) => w.a.as.member.members.leave() },
  { name: "members.changeRole", call: (w) => owner(w).members.changeRole(w.a.ids.member, "admin") },
  {
    name: "members.transferOwnership",
    call: (w) => owner(w).members.transferOwnership(w.a.ids.admin),
  },
  { name: "platform.suspendTenant", call: (w) => w.tenancy.platform.suspendTenant(w.a.tenantId) },
  {
    name: "platform.reactivateTenant",
    prepare: (w) => w.tenancy.platform.suspendTenant(w.a.tenantId),
    call: (w) => w.tenancy.platform.reactivateTenant(w.a.tenantId),
  },
  { name: "platform.offboardTenant", call: (w) => w.tenancy.platform.offboardTenant(w.a.tenantId) },
  { name: "scope.offboard", call: (w) => owner(w).offboard() },
  {
    name: "platform.purgeTenant",
    prepare: async (w) => {
      await w.tenancy.platform.offboardTenant(w.a.tenantId);
      w.clock.advance(31 * DAY);
    },
    call: (w) => w.tenancy.platform.purgeTenant(w.a.tenantId),
  },
  { name: "workspaces.delete", call: (w) => owner(w).workspaces.delete(w.a.ws1) },
  {
    name: "resources.create",
    call: (w) =>
      owner(w)
        .resources("campaign")
        .create({ workspaceId: w.a.ws1, data: { subject: "Hi", status: "draft" } }),
  },
  { name: "settings.update", call: (w) => owner(w).settings.update({ timezone: "Europe/Oslo" }) },
];
