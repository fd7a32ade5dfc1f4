import { fullRun, runTelemetryBenchmark } from "./harness.js";

// `pnpm bench:telemetry`: the full run, printed as it goes.
await runTelemetryBenchmark(fullRun, (line) => console.log(line));
