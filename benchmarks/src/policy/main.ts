import { fullRun, runPolicyBenchmark } from "./harness.js";

// `pnpm bench:policy`: the full run, printed as it goes.
await runPolicyBenchmark(fullRun, (line) => console.log(line));
