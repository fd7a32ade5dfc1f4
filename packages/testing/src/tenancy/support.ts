import type { ErrorCode, RookeryError, TenantId, User } from "@rookery/core";
import type { Result, ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { storeState } from "../conformance/helpers.js";
import { expectErr, expectOk } from "../expect-result.js";
import type { StoreInspector } from "../harness.js";
import type { PenguinTenancy } from "./penguinmails.js";

/** A well-formed id that names nothing in any store of the suite. */
export const ABSENT_ID = "00000000-0000-7000-8000-00000000dead";

/** A service call, deferred so a test can run it between two reads of the store. */
export type Call = () => ResultAsync<unknown, RookeryError>;

/** What a call is expected to do: succeed, or fail with this code. */
export type Outcome = "ok" | ErrorCode;

/**
 * Asserts a FORBIDDEN that carries the policy's explanation: a denied call
 * must say why, one readable line a step.
 */
export function expectDenied<T>(result: Result<T, RookeryError>, context?: string): void {
  const error = expectErr(result, "FORBIDDEN", undefined, context);
  if (error.code !== "FORBIDDEN") return;
  expect(error.trace.length, `${context ?? "the call"}: trace`).toBeGreaterThan(0);
  for (const line of error.trace) expect(typeof line).toBe("string");
}

/** Asserts a VALIDATION error whose first issue names `path`. */
export function expectInvalid<T>(
  result: Result<T, RookeryError>,
  path: string,
  context?: string,
): void {
  const error = expectErr(result, "VALIDATION", undefined, context);
  if (error.code !== "VALIDATION") return;
  expect(error.issues[0]?.path, `${context ?? "the call"}: issue path`).toBe(path);
}

/** Asserts the outcome; a FORBIDDEN outcome must carry its trace. */
export function expectOutcome<T>(
  result: Result<T, RookeryError>,
  outcome: Outcome,
  context?: string,
): void {
  if (outcome === "ok") expectOk(result, context);
  else if (outcome === "FORBIDDEN") expectDenied(result, context);
  else expectErr(result, outcome, undefined, context);
}

/** The audit events stored for a tenant, oldest first, read independently of the services. */
export async function auditRows(
  inspect: StoreInspector,
  tenantId: TenantId,
): Promise<{ action: string; actorId: unknown; target: unknown }[]> {
  const rows = (await inspect.rows("audit_events")).filter((row) => row.tenantId === tenantId);
  return [...rows]
    .sort((x, y) => String(x.id).localeCompare(String(y.id)))
    .map((row) => ({ action: String(row.action), actorId: row.actorId, target: row.target }));
}

/** Runs `call` and asserts that it changed no row of the store at all. */
export async function expectNoChange<T>(
  inspect: StoreInspector,
  call: () => PromiseLike<T>,
): Promise<T> {
  const before = await storeState(inspect);
  const result = await call();
  expect(await storeState(inspect)).toEqual(before);
  return result;
}

/** Rows of `table` for one tenant. */
export async function tenantRows(
  inspect: StoreInspector,
  table: Parameters<StoreInspector["rows"]>[0],
  tenantId: TenantId,
): Promise<readonly Record<string, unknown>[]> {
  return (await inspect.rows(table)).filter((row) => row.tenantId === tenantId);
}

/**
 * A person who signed up in the application (registered with a subject made
 * from their e-mail) and belongs to no tenant yet.
 */
export async function signedUp(
  tenancy: PenguinTenancy,
  email: string,
  name?: string,
): Promise<User> {
  const input = { email, subject: `sub|${email}`, ...(name === undefined ? {} : { name }) };
  return expectOk(await tenancy.platform.registerUser(input), `registering ${email}`);
}
