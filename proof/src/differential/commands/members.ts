import type { Member } from "@rookery/core";
import fc from "fast-check";
import {
  type ActorArgs,
  actorArgs,
  actorTenant,
  at,
  command,
  type Pick,
  pick,
  pickUser,
  resolveActor,
} from "../command.js";
import { type Known, learnUser } from "../known.js";
import { asActor } from "../side.js";
import { pageLimit, role } from "./values.js";

const onUser = (a: { actor: ActorArgs; user: Pick }, known: Known) => {
  const actor = resolveActor(a.actor, known);
  return { actor, userId: pickUser(a.user, known, actorTenant(known, actor)) };
};
const actorAndUser = fc.record({ actor: actorArgs, user: pick });

/** The members service: who is in a tenant, with which role. */
export const memberCommands = [
  command({
    name: "members.list",
    args: fc.record({
      actor: actorArgs,
      limit: pageLimit,
      after: fc.option(pick, { nil: undefined }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const own = actorTenant(known, actor);
      return {
        actor,
        page: {
          ...(a.limit === undefined ? {} : { limit: a.limit }),
          ...(a.after === undefined ? {} : { after: pickUser(a.after, known, own) }),
        },
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.members.list(c.page)),
  }),
  command({
    name: "members.get",
    args: actorAndUser,
    resolve: onUser,
    call: (side, c) => asActor(side, c.actor, (s) => s.members.get(c.userId)),
  }),
  command({
    name: "members.add",
    weight: 12,
    // People come in by id: registered ones of no tenant, and now and then anyone ever seen.
    args: fc.record({
      actor: actorArgs,
      user: pick,
      role: fc.option(role, { nil: undefined }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const free = known.users.filter((u) => u.tenantId === null);
      const chosen =
        a.user.from === "own" && free.length > 0
          ? (at(free, a.user.n)?.id ?? "")
          : pickUser(a.user, known, null);
      return {
        actor,
        input: { userId: chosen, ...(a.role === undefined ? {} : { role: a.role }) },
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.members.add(c.input as never)),
    learn: (known, _c, value) => {
      const member = value as Member;
      learnUser(known, member.userId, member.tenantId);
    },
  }),
  command({
    name: "members.changeRole",
    weight: 6,
    args: fc.record({ actor: actorArgs, user: pick, role }),
    resolve: (a, known) => ({ ...onUser(a, known), role: a.role }),
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.members.changeRole(c.userId, c.role as never)),
  }),
  command({
    name: "members.remove",
    weight: 4,
    args: actorAndUser,
    resolve: onUser,
    call: (side, c) => asActor(side, c.actor, (s) => s.members.remove(c.userId)),
    learn: (known, c) => learnUser(known, c.userId, null),
  }),
  command({
    name: "members.leave",
    args: fc.record({ actor: actorArgs }),
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.members.leave()),
    learn: (known, actor) => learnUser(known, actor.userId, null),
  }),
  command({
    name: "members.transferOwnership",
    weight: 4,
    args: actorAndUser,
    resolve: onUser,
    call: (side, c) => asActor(side, c.actor, (s) => s.members.transferOwnership(c.userId)),
  }),
];
