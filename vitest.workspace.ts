import { resolve } from "node:path";
import { configDefaults } from "vitest/config";

/**
 * The test projects of the monorepo. The root `vitest.config.ts` hands this
 * list to `test.projects`; every project extends the root config, so the
 * `@rookery/source` export condition set there applies everywhere and tests
 * run against `src/` without a build.
 */
const here = import.meta.dirname;
const packageNames = [
  "policy",
  "core",
  "memory",
  "testing",
  "nile",
  "http",
  "hono",
  "express",
  "telemetry",
] as const;

/**
 * Timeouts catch a hang, never measure speed: the machines that run the suite
 * are shared and often busy, so every project sets them explicitly and
 * generously instead of relying on vitest's 5 s default.
 */
const inMemory = { testTimeout: 30_000, hookTimeout: 30_000 };
/** Each database test file copies a template database and may wait on a busy server. */
const onPostgres = { testTimeout: 60_000, hookTimeout: 120_000 };

export const projects = [
  ...packageNames
    .filter((name) => name !== "nile")
    .map((name) => ({
      extends: true as const,
      test: {
        name,
        root: resolve(here, "packages", name),
        typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
        ...inMemory,
      },
    })),
  {
    // Runs against a real PostgreSQL that its global setup starts (or TEST_DATABASE_URL).
    extends: true as const,
    test: {
      name: "nile",
      root: resolve(here, "packages", "nile"),
      include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
      globalSetup: [resolve(here, "packages", "nile", "test-support", "global-setup.ts")],
      ...onPostgres,
    },
  },
  {
    // The proof campaign (proof/README.md): both adapters through the public API, on a
    // PostgreSQL its global setup starts. The known-bug regressions run only when asked for.
    extends: true as const,
    test: {
      name: "proof",
      root: resolve(here, "proof"),
      include: [
        process.env.PROOF_KNOWN_BUGS === "1" ? "known-bugs/**/*.test.ts" : "src/**/*.test.ts",
      ],
      globalSetup: [resolve(here, "packages", "nile", "test-support", "global-setup.ts")],
      ...onPostgres,
    },
  },
  {
    extends: true as const,
    test: {
      name: "examples",
      root: resolve(here, "examples"),
      exclude: [...configDefaults.exclude, "**/*.postgres.test.ts"],
      ...inMemory,
    },
  },
  {
    // The examples' code on PostgreSQL (`*.postgres.test.ts`): the PenguinMails API, migrated at
    // start as its README says, and what docs show; on a cluster its global setup starts.
    extends: true as const,
    test: {
      name: "examples-postgres",
      root: resolve(here, "examples"),
      include: ["**/*.postgres.test.ts"],
      globalSetup: [resolve(here, "packages", "nile", "test-support", "global-setup.ts")],
      ...onPostgres,
    },
  },
  {
    extends: true as const,
    test: { name: "benchmarks", root: resolve(here, "benchmarks"), ...inMemory },
  },
  // The workspace's own tooling: the count line CI reads, source resolution, package checks.
  {
    extends: true as const,
    test: { name: "scripts", root: resolve(here, "scripts"), ...inMemory },
  },
];
