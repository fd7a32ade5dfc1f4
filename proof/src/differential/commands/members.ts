import type { Member } from "@rookery/core";
import fc from "fast-check";
import {
  type ActorArgs,
  actorArgs,
  actorTenant,
  command,
  type Pick,
  pick,
  pickUser,
  resolveActor,
} from "../command.js";
import { type Known, learnUser } from "../known.js";
import { asActor } from "../side.js";
import { email, pageLimit, personName, role } from "./values.js";

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
    args: fc.record({
      actor: actorArgs,
      who: fc.oneof(
        { weight: 4, arbitrary: fc.record({ email, name: personName }) },
        { weight: 1, arbitrary: fc.record({ user: pick }) },
      ),
      role: fc.option(role, { nil: undefined }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const who =
        "user" in a.who
          ? { userId: pickUser(a.who.user, known, null) }
          : { email: a.who.email, ...(a.who.name === undefined ? {} : { name: a.who.name }) };
      return { actor, input: { ...who, ...(a.role === undefined ? {} : { role: a.role }) } };
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
