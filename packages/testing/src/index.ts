/**
 * The adapter conformance suite (`runAdapterConformance`) and fixtures for
 * tests: a manual clock, sequential ids, assertions on Results, seeded tenants,
 * a world of two tenants and a store that can be taken down.
 *
 * @packageDocumentation
 * @module @rookery/testing
 */

// The public surface of @rookery/testing, listed by name.

export { type ManualClock, manualClock, sequentialIds } from "./deterministic.js";
export { expectErr, expectOk } from "./expect-result.js";
export { type FixtureOptions, type Fixtures, fixtures } from "./fixtures.js";
export type {
  ConformanceHarness,
  ConformanceOptions,
  InspectedTable,
  StoreInspector,
} from "./harness.js";
export { type OutageSwitch, withOutage } from "./outage.js";
export { runAdapterConformance } from "./run-adapter-conformance.js";
export { type SeededTenant, type SeedTenantOptions, seedTenant } from "./seed-tenant.js";
export {
  type PenguinResources,
  type PenguinScope,
  type PenguinTenancy,
  type PenguinTenancyOptions,
  penguinMails,
  penguinTenancy,
  TEST_JOB_SECRET,
  type TenancyWorld,
  tenancyWorld,
  WORLD_ROLES,
  type WorldRole,
  type WorldTenant,
} from "./tenancy/penguinmails.js";
