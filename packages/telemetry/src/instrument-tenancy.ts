import type { Attributes, Span } from "@opentelemetry/api";
import type { ResultAsync } from "neverthrow";
import { RookeryAttributes } from "./attributes.js";
import type { TelemetryOptions } from "./options.js";
import { traced } from "./traced.js";
import { emit, type Instruments, instrumentsOf } from "./tracer.js";

type Members = Record<PropertyKey, unknown>;
type AnyFunction = (...args: unknown[]) => unknown;
type Made = ResultAsync<Members, unknown>;

/**
 * The tenancy with a span around every service call: `tenancy.as`,
 * `tenancy.fromJob`, each `platform.*` call, and each call of the scopes it
 * makes (`scope.members.add`, `scope.resources("campaign").get`, `scope.me`,
 * ...), named as the code writes it and carrying the scope's tenant and user
 * ids. Calls answer exactly what they would uninstrumented; an Err sets the
 * span's status and `rookery.error_code`. With `instrumentAdapter` under it,
 * each unit of work is a child span of its call.
 *
 * Members are wrapped by shape, not by a list, so a service the tenancy
 * gains is traced without a change here: functions become traced calls,
 * objects of functions (the services) objects of traced calls. A scope is
 * wrapped lazily, member by member as it is used, so a request pays only
 * for the calls it makes.
 */
export function instrumentTenancy<T extends object>(tenancy: T, options: TelemetryOptions = {}): T {
  const instruments = instrumentsOf(options);
  const source = tenancy as Members;
  const makesScope = (key: "as" | "fromJob") => {
    const name = `tenancy.${key}`;
    return (identity: unknown) => {
      const given = (identity as { tenantId?: unknown } | null)?.tenantId;
      const attributes: Attributes = { [RookeryAttributes.CALL]: name };
      if (typeof given === "string") attributes[RookeryAttributes.TENANT_ID] = given;
      const userId = typeof identity === "string" ? identity : null;
      const make = () => (source[key] as AnyFunction).call(tenancy, identity) as Made;
      // When nobody listens to this request (no SDK, or a sampler that dropped its trace,
      // which drops the calls' spans too), the scope is handed over as it is: it costs nothing.
      const traced = () => make().map((scope) => instrumentScope(scope, instruments));
      return call(instruments, name, attributes, userId, traced, make);
    };
  };
  return {
    ...source,
    as: makesScope("as"),
    fromJob: makesScope("fromJob"),
    platform: lazilyTraced(source.platform as Members, "platform", {}, instruments),
  } as T;
}

/** A scope whose every call is traced with its tenant and user ids. */
function instrumentScope(scope: Members, instruments: Instruments): Members {
  const ids: Attributes = {
    [RookeryAttributes.TENANT_ID]: scope.tenantId as string,
    [RookeryAttributes.USER_ID]: scope.userId as string,
  };
  return lazilyTraced(scope, "scope", ids, instruments, (key, value) =>
    key === "resources" && typeof value === "function"
      ? resourcesOf(value as (type: string) => Members, scope, ids, instruments)
      : undefined,
  );
}

/** `scope.resources(type)`: each type's service traced, its calls named with the type. */
function resourcesOf(
  resources: (type: string) => Members,
  scope: Members,
  ids: Attributes,
  instruments: Instruments,
) {
  const services = new Map<string, Members>();
  return (type: string) => {
    let service = services.get(type);
    if (service === undefined) {
      service = lazilyTraced(
        resources.call(scope, type),
        `scope.resources(${JSON.stringify(type)})`,
        { ...ids, [RookeryAttributes.RESOURCE_TYPE]: type },
        instruments,
      );
      services.set(type, service);
    }
    return service;
  };
}

/**
 * `target` seen through a proxy that traces its functions as `prefix.key`
 * and, one level down, the functions of its services; each member wrapped on
 * first use and kept. `special` may wrap a member its own way.
 */
function lazilyTraced(
  target: Members,
  prefix: string,
  attributes: Attributes,
  instruments: Instruments,
  special?: (key: string, value: unknown) => unknown,
): Members {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object);
      if (typeof key !== "string" || (typeof value !== "function" && !isService(value))) {
        return value;
      }
      if (wrapped.has(key)) return wrapped.get(key);
      const name = `${prefix}.${key}`;
      const member =
        special?.(key, value) ??
        (typeof value === "function"
          ? tracedFunction(object, value as AnyFunction, name, attributes, instruments)
          : lazilyTraced(value as Members, name, attributes, instruments));
      wrapped.set(key, member);
      return member;
    },
  });
}

function tracedFunction(
  owner: object,
  fn: AnyFunction,
  name: string,
  attributes: Attributes,
  instruments: Instruments,
): AnyFunction {
  const withCall = { ...attributes, [RookeryAttributes.CALL]: name };
  const userId = (attributes[RookeryAttributes.USER_ID] as string | undefined) ?? null;
  return (...args) => call(instruments, name, withCall, userId, () => fn.apply(owner, args));
}

/** One traced call, reported to the logger hook when it ends. */
function call<R>(
  instruments: Instruments,
  name: string,
  attributes: Attributes,
  userId: string | null,
  body: () => R,
  idle?: () => R,
): R {
  const known = (attributes[RookeryAttributes.TENANT_ID] as string | undefined) ?? null;
  return traced(
    instruments.tracer,
    name,
    attributes,
    body,
    instruments.log === null
      ? null
      : (error, durationMs, value) =>
          emit(instruments, {
            kind: "call",
            name,
            tenantId: known ?? tenantOf(value),
            userId: userId ?? userOf(value),
            durationMs,
            error,
          }),
    {
      // `tenancy.as` learns the tenant from the scope it made.
      ...(known === null ? { onValue: markTenant } : {}),
      ...(idle === undefined ? {} : { idle }),
    },
  );
}

function markTenant(span: Span, value: unknown): void {
  const tenantId = tenantOf(value);
  if (tenantId !== null) span.setAttribute(RookeryAttributes.TENANT_ID, tenantId);
}

function tenantOf(value: unknown): string | null {
  const tenantId = (value as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === "string" ? tenantId : null;
}

function userOf(value: unknown): string | null {
  const userId = (value as { userId?: unknown } | null)?.userId;
  return typeof userId === "string" ? userId : null;
}

/** A plain object with functions: a service such as `scope.members`. */
function isService(value: unknown): value is Members {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const key in value) if (typeof (value as Members)[key] === "function") return true;
  return false;
}
