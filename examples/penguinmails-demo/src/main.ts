import { runDemo } from "./run-demo.js";

const result = await runDemo();
if (result.isErr()) {
  console.error(`The demo failed: ${result.error.code}: ${result.error.message}`);
  process.exitCode = 1;
} else {
  console.log(result.value.join("\n"));
}
