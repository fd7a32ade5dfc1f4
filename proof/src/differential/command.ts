import fc from "fast-check";
import { ABSENT_IDS, type Known } from "./known.js";
import type { ActorRef, Pending, Side, Via } from "./side.js";

/**
 * One public call the campaign can make. A new service call joins the
 * campaign by adding one of these to `COMMANDS`: how to draw its arguments,
 * how they name known things, how to call it, and what to learn from its answer.
 */
export interface Command<Args, Call> {
  readonly name: string;
  /** How often it is drawn, relative to the others: 2 by default, 1 for a rare call. */
  readonly weight?: number;
  /** Symbolic arguments, drawn before the sequence runs: positions, not ids. */
  readonly args: fc.Arbitrary<Args>;
  /** The concrete call, from the ids known so far: the same on every side. */
  resolve(args: Args, known: Known): Call;
  /** Makes the call on one side. Must not throw: a throw is reported as a finding. */
  call(side: Side, call: Call): Pending;
  /** Records the ids a successful answer made (called once, after the sides agreed). */
  learn?(known: Known, call: Call, value: unknown): void;
}

/** A command with its types erased, as the registry holds it. */
export type AnyCommand = Command<unknown, unknown>;

export function command<Args, Call>(definition: Command<Args, Call>): AnyCommand {
  return definition as unknown as AnyCommand;
}

/** A position in a list of known things, and which part of the list to pick from. */
export interface Pick {
  /** `own`: of the actor's tenant; `any`: of any tenant; `absent`: a well-formed id of nothing. */
  readonly from: "own" | "any" | "absent";
  readonly n: number;
}

export const pick: fc.Arbitrary<Pick> = fc.record({
  from: fc.constantFrom<Pick["from"]>("own", "own", "own", "own", "any", "any", "absent"),
  n: fc.nat(63),
});

export interface ActorArgs {
  readonly via: Via;
  /** Mostly someone last seen in a tenant; now and then anyone ever seen (removed, purged). */
  readonly member: boolean;
  readonly user: number;
  /** For a session: 0 carries the user's own tenant, others a known tenant by position. */
  readonly tenant: number;
}

export const actorArgs: fc.Arbitrary<ActorArgs> = fc.record({
  via: fc.constantFrom<Via>("as", "as", "as", "held", "held", "session"),
  member: fc.constantFrom(true, true, true, true, true, false),
  user: fc.nat(63),
  tenant: fc.constantFrom(0, 0, 0, 1, 2, 3),
});

/** The element at position `n` of a list, wrapping around; undefined for an empty list. */
export function at<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

export function resolveActor(args: ActorArgs, known: Known): ActorRef {
  const members = known.users.filter((u) => u.tenantId !== null);
  const user = at(args.member && members.length > 0 ? members : known.users, args.user);
  const userId = user?.id ?? ABSENT_IDS[0];
  const ownTenant = user?.tenantId ?? at(known.tenants, 0) ?? ABSENT_IDS[1];
  const tenantId =
    args.tenant === 0 ? ownTenant : (at(known.tenants, args.tenant - 1) ?? ABSENT_IDS[1]);
  return { via: args.via, userId, tenantId };
}

/** The tenant a pick calls "own": the one the actor was last seen in. */
export function actorTenant(known: Known, actor: ActorRef): string | null {
  return known.users.find((u) => u.id === actor.userId)?.tenantId ?? null;
}

/** Picks an id among things that each have a tenant, preferring the actor's tenant for `own`. */
export function resolvePick<T extends { readonly id: string }>(
  p: Pick,
  list: readonly T[],
  tenantOf: (item: T) => string | null,
  ownTenant: string | null,
): string {
  if (p.from === "absent") return ABSENT_IDS[p.n % ABSENT_IDS.length] as string;
  const own = p.from === "own" ? list.filter((item) => tenantOf(item) === ownTenant) : [];
  const chosen = at(own.length > 0 ? own : list, p.n);
  return chosen?.id ?? (ABSENT_IDS[0] as string);
}

export const pickUser = (p: Pick, known: Known, own: string | null) =>
  resolvePick(p, known.users, (u) => u.tenantId, own);
export const pickWorkspace = (p: Pick, known: Known, own: string | null) =>
  resolvePick(p, known.workspaces, (w) => w.tenantId, own);
export const pickTenant = (p: Pick, known: Known, own: string | null) =>
  resolvePick(
    p,
    known.tenants.map((id) => ({ id })),
    (t) => t.id,
    own,
  );
