import type { RookeryAdapter, RookeryError } from "@rookery/core";
import {
  type ManualClock,
  type PenguinScope,
  type PenguinTenancy,
  penguinTenancy,
} from "@rookery/testing";
import { err, ok, type Result, type ResultAsync } from "neverthrow";

/**
 * One adapter's run of a sequence: PenguinMails' tenancy over it, with
 * `sequentialIds` and a `manualClock` of its own, so that every side makes the
 * same ids and timestamps for the same calls.
 */
export interface Side {
  readonly name: string;
  readonly tenancy: PenguinTenancy;
  readonly clock: ManualClock;
  /** Scopes kept from earlier steps, by user id: held across removals, moves and suspensions. */
  readonly held: Map<string, PenguinScope>;
  /** This side's token of each invitation, by invitation id: tokens are random, ids are not. */
  readonly invitationTokens: Map<string, string>;
}

export function makeSide(name: string, adapter: RookeryAdapter): Side {
  const { tenancy, clock } = penguinTenancy(adapter);
  return { name, tenancy, clock, held: new Map(), invitationTokens: new Map() };
}

/** What a public call gives back: a ResultAsync, or a promise of a Result. */
export type Pending<T = unknown> = ResultAsync<T, RookeryError> | Promise<Result<T, RookeryError>>;

/** How a step's actor gets their scope. */
export type Via = "as" | "held" | "session";

export interface ActorRef {
  readonly via: Via;
  readonly userId: string;
  /** The tenant a session carries (`via: "session"`). */
  readonly tenantId: string;
}

/**
 * The actor's scope on one side: a fresh `as(userId)`, the scope this side
 * made for the user the first time (kept ever after, however stale), or a
 * session's `as({ userId, tenantId })`.
 */
export async function scopeOf(
  side: Side,
  actor: ActorRef,
): Promise<Result<PenguinScope, RookeryError>> {
  if (actor.via === "session") {
    return side.tenancy.as({ userId: actor.userId, tenantId: actor.tenantId });
  }
  if (actor.via === "held") {
    const kept = side.held.get(actor.userId);
    if (kept !== undefined) return ok(kept);
  }
  const made = await side.tenancy.as(actor.userId);
  if (made.isOk() && actor.via === "held") side.held.set(actor.userId, made.value);
  return made;
}

/** Runs `call` with the actor's scope, or answers the error that refused the scope. */
export async function asActor<T>(
  side: Side,
  actor: ActorRef,
  call: (scope: PenguinScope) => Pending<T>,
): Promise<Result<T, RookeryError>> {
  const scope = await scopeOf(side, actor);
  if (scope.isErr()) return err(scope.error);
  return call(scope.value);
}
