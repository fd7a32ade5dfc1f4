import {
  createTenancy,
  defaultTenancyPolicy,
  type RookeryAdapter,
  type Scope,
} from "@rookery/core";
import { plans, resources, settings } from "./penguinmails.js";

/**
 * The policy that decides every call. Built here, not left to
 * `createTenancy`'s default, so the console's explanations of what a role may
 * not do come from the very policy the calls are decided by.
 */
export const policy = defaultTenancyPolicy(resources);

/** PenguinMails' tenancy over a store: one per process, shared by every request. */
export function appTenancy(adapter: RookeryAdapter) {
  const made = createTenancy({
    adapter,
    plans,
    settings,
    resources,
    policy,
    invitations: { ttlSeconds: 7 * 86_400 },
  });
  if (made.isErr()) throw new Error(`The tenancy's configuration: ${made.error.message}`);
  return made.value;
}

export type AppTenancy = ReturnType<typeof appTenancy>;
/** A signed-in person's scope, typed by PenguinMails' resources and settings. */
export type AppScope = Scope<typeof resources, typeof settings.schema>;
