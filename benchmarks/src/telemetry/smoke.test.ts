import { expect, test } from "vitest";
import { runTelemetryBenchmark } from "./harness.js";

test("the telemetry benchmark runs and prints both overheads", async () => {
  const lines: string[] = [];
  await runTelemetryBenchmark({ rounds: 1, requestsPerRound: 20 }, (line) => lines.push(line));
  const number = String.raw`-?\d+(\.\d+)?`;
  expect(lines.slice(-2).map((l) => l.replace(new RegExp(number, "g"), "X"))).toEqual([
    "overhead idle: X ns/request, ratio X",
    "overhead recording: X ns/request, ratio X",
  ]);
}, 60_000);
