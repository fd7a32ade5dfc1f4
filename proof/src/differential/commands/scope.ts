import type { RookeryError } from "@rookery/core";
import fc from "fast-check";
import { err, ok, type Result } from "neverthrow";
import { actorArgs, at, command, resolveActor } from "../command.js";
import { asActor, scopeOf } from "../side.js";
import { pageLimit } from "./values.js";

const actorOnly = fc.record({ actor: actorArgs });

/** The scope itself: who am I, the tenant, the audit log, offboarding, export, job tokens. */
export const scopeCommands = [
  command({
    // The entry point: what a scope says about itself (it holds nothing else).
    name: "tenancy.as",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: async (side, actor) =>
      (await scopeOf(side, actor)).map((s) => ({ userId: s.userId, tenantId: s.tenantId })),
  }),
  command({
    name: "scope.me",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.me()),
  }),
  command({
    name: "scope.tenant",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.tenant()),
  }),
  command({
    name: "audit.list",
    args: fc.record({ actor: actorArgs, limit: pageLimit }),
    resolve: (a, known) => ({
      actor: resolveActor(a.actor, known),
      page: a.limit === undefined ? {} : { limit: a.limit },
    }),
    call: (side, c) => asActor(side, c.actor, (s) => s.audit.list(c.page)),
  }),
  command({
    name: "scope.offboard",
    weight: 1,
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.offboard()),
  }),
  command({
    name: "scope.exportData",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.exportData()),
  }),
  command({
    name: "scope.toJob",
    weight: 4,
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) =>
      asActor(side, actor, async (s): Promise<Result<string, RookeryError>> => s.toJob()),
    learn: (known, _actor, token) => {
      known.tokens.push(token as string);
    },
  }),
  command({
    name: "tenancy.fromJob",
    weight: 4,
    args: fc.record({ token: fc.nat(15), tamper: fc.constantFrom(false, false, false, true) }),
    resolve: (a, known) => {
      const token = at(known.tokens, a.token) ?? "no-token-yet";
      return a.tamper ? `${token.slice(0, -2)}xx` : token;
    },
    call: async (side, token) => {
      const scope = await side.tenancy.fromJob(token);
      return scope.isOk()
        ? ok({ userId: scope.value.userId, tenantId: scope.value.tenantId })
        : err(scope.error);
    },
  }),
];
