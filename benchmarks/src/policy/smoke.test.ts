import { expect, test } from "vitest";
import { runPolicyBenchmark } from "./harness.js";

test("the policy benchmark runs on a tiny world, every engine agreeing, ratios printed last", async () => {
  const lines: string[] = [];
  await runPolicyBenchmark(
    {
      smallTenants: 4,
      largeTenants: 8,
      requests: 256,
      crossTenantShare: 0.2,
      casbinRequests: 64,
      casbinGrowthTenants: 2,
      rounds: 3,
      roundMs: 1,
      warmupMs: 0,
    },
    (line) => lines.push(line),
  );
  expect(lines.filter((l) => / agrees? on all \d+ requests$/.test(l))).toHaveLength(7);
  expect(lines.some((l) => l.startsWith("  casbin 4 tenants:"))).toBe(true);
  const number = String.raw`\d+(\.\d+)?`;
  expect(lines.slice(-5).map((l) => l.replace(new RegExp(number, "g"), "X"))).toEqual([
    "ratio casl-prebuilt/rookery: X",
    "ratio casl-per-request/rookery: X",
    "ratio casbin/rookery: X",
    "ratio rookery/floor: X",
    "ratio rookery X/X tenants: X",
  ]);
}, 60_000);
