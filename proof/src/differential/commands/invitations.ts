import type { IssuedInvitation, Member, User } from "@rookery/core";
import fc from "fast-check";
import {
  actorArgs,
  actorTenant,
  at,
  command,
  pick,
  pickWorkspace,
  resolveActor,
} from "../command.js";
import { learnInvitation, learnUser } from "../known.js";
import { asActor, type Side } from "../side.js";
import { email, pageLimit, personName, role } from "./values.js";

/** Few subjects, so that one is often registered twice, or with another e-mail. */
const subject = fc.option(fc.constantFrom("auth|1", "auth|2", "auth|3", "user_2xQf9Lk", ""), {
  nil: undefined,
});

/** A position among known invitations; a position past the end names a token nobody was given. */
const invitationPick = fc.nat(15);

/** This side's token of the invitation at a position: the sides' tokens differ, the ids do not. */
const tokenOf = (side: Side, id: string | undefined) =>
  (id === undefined ? undefined : side.invitationTokens.get(id)) ?? "rki_never-issued";

/** Keeps this side's token of what an answer issued, so that later steps can use it. */
const keepToken = (side: Side) => (issued: IssuedInvitation) => {
  side.invitationTokens.set(issued.invitation.id, issued.token);
  return issued;
};

/** People who sign up, and invitations: how they join a tenant. */
export const invitationCommands = [
  command({
    name: "platform.registerUser",
    weight: 6,
    args: fc.record({ email, name: personName, subject }),
    resolve: (a) => ({
      email: a.email,
      ...(a.name === undefined ? {} : { name: a.name }),
      ...(a.subject === undefined ? {} : { subject: a.subject }),
    }),
    call: (side, input) => side.tenancy.platform.registerUser(input),
    learn: (known, _input, value) => {
      const user = value as User;
      if (!known.users.some((u) => u.id === user.id)) learnUser(known, user.id, null);
    },
  }),
  command({
    name: "invitations.create",
    weight: 6,
    args: fc.record({
      actor: actorArgs,
      email,
      role: fc.option(role, { nil: undefined }),
      workspace: fc.option(pick, { nil: undefined, freq: 3 }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const workspaceIds =
        a.workspace === undefined
          ? undefined
          : [pickWorkspace(a.workspace, known, actorTenant(known, actor))];
      return {
        actor,
        input: {
          email: a.email,
          ...(a.role === undefined ? {} : { role: a.role }),
          ...(workspaceIds === undefined ? {} : { workspaceIds }),
        },
      };
    },
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.invitations.create(c.input as never).map(keepToken(side))),
    learn: (known, _c, value) => {
      const { invitation } = value as IssuedInvitation;
      learnInvitation(known, invitation.id, invitation.tenantId);
    },
  }),
  command({
    name: "invitations.accept",
    weight: 6,
    args: fc.record({ invitation: invitationPick, user: fc.nat(63) }),
    resolve: (a, known) => ({
      invitationId: at(known.invitations, a.invitation)?.id,
      // Mostly a person of no tenant, the usual invitee.
      userId:
        at(
          known.users.filter((u) => u.tenantId === null),
          a.user,
        )?.id ??
        at(known.users, a.user)?.id ??
        "",
    }),
    call: (side, c) =>
      side.tenancy.invitations.accept(tokenOf(side, c.invitationId), { userId: c.userId }),
    learn: (known, _c, value) => {
      const member = value as Member;
      learnUser(known, member.userId, member.tenantId);
    },
  }),
  command({
    name: "invitations.inspect",
    weight: 2,
    args: invitationPick,
    resolve: (n, known) => at(known.invitations, n)?.id,
    call: (side, id) => side.tenancy.invitations.inspect(tokenOf(side, id)),
  }),
  command({
    name: "invitations.decline",
    weight: 1,
    args: invitationPick,
    resolve: (n, known) => at(known.invitations, n)?.id,
    call: (side, id) => side.tenancy.invitations.decline(tokenOf(side, id)),
  }),
  command({
    name: "invitations.resend",
    weight: 2,
    args: fc.record({ actor: actorArgs, invitation: invitationPick }),
    resolve: (a, known) => ({
      actor: resolveActor(a.actor, known),
      invitationId: at(known.invitations, a.invitation)?.id ?? "",
    }),
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.invitations.resend(c.invitationId).map(keepToken(side))),
  }),
  command({
    name: "invitations.revoke",
    weight: 2,
    args: fc.record({ actor: actorArgs, invitation: invitationPick }),
    resolve: (a, known) => ({
      actor: resolveActor(a.actor, known),
      invitationId: at(known.invitations, a.invitation)?.id ?? "",
    }),
    call: (side, c) => asActor(side, c.actor, (s) => s.invitations.revoke(c.invitationId)),
  }),
  command({
    name: "invitations.list",
    args: fc.record({ actor: actorArgs, limit: pageLimit }),
    resolve: (a, known) => ({
      actor: resolveActor(a.actor, known),
      page: a.limit === undefined ? {} : { limit: a.limit },
    }),
    call: (side, c) => asActor(side, c.actor, (s) => s.invitations.list(c.page)),
  }),
  command({
    name: "scope.permissions",
    args: fc.record({ actor: actorArgs }),
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.permissions()),
  }),
  command({
    name: "scope.can",
    args: fc.record({
      actor: actorArgs,
      action: fc.constantFrom(
        "member.add",
        "billing.update",
        "campaign.create",
        "workspace.rename",
      ),
      workspace: pick,
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const perWorkspace = a.action === "campaign.create" || a.action === "workspace.rename";
      return {
        actor,
        action: a.action,
        target: perWorkspace
          ? { workspaceId: pickWorkspace(a.workspace, known, actorTenant(known, actor)) }
          : undefined,
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.can(c.action as never, c.target)),
  }),
];
