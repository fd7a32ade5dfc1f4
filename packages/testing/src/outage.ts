import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { errAsync } from "neverthrow";

/** The switch of `withOutage`: while `down` is true, every unit of work fails. */
export interface OutageSwitch {
  down: boolean;
}

/**
 * `adapter` with a switch that takes its store down: while `outage.down` is
 * set, every unit of work answers UNAVAILABLE, with `cause` as the store's
 * own error, and reaches nothing. For testing what an application answers
 * when its database is away (a 503, and none of the store's message).
 */
export function withOutage(
  adapter: RookeryAdapter,
  cause: unknown = new Error("The store did not answer."),
): { readonly adapter: RookeryAdapter; readonly outage: OutageSwitch } {
  const outage: OutageSwitch = { down: false };
  const fail = () => errAsync(RookeryErrors.unavailable("The store did not answer.", cause));
  return {
    adapter: {
      name: `${adapter.name} (with outages)`,
      platform: (work, options) => (outage.down ? fail() : adapter.platform(work, options)),
      tenant: (id, work, options) => (outage.down ? fail() : adapter.tenant(id, work, options)),
      ...(adapter.close === undefined ? {} : { close: adapter.close.bind(adapter) }),
    },
    outage,
  };
}
