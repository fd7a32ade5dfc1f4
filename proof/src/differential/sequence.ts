import fc from "fast-check";
import type { AnyCommand } from "./command.js";
import { COMMANDS, FIRST_COMMAND } from "./commands/index.js";
import type { Step } from "./run-sequence.js";

/** The commands by name, as a sequence's steps name them. */
export const BY_NAME: ReadonlyMap<string, AnyCommand> = new Map(COMMANDS.map((c) => [c.name, c]));

const drawn = (c: AnyCommand): fc.Arbitrary<Step> =>
  c.args.map((args) => ({ command: c.name, args }));
const step = fc.oneof(...COMMANDS.map((c) => ({ weight: c.weight ?? 2, arbitrary: drawn(c) })));

/** One to three provisionings, then up to 40 calls of any kind, each drawn by its weight. */
export const sequence: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.array(drawn(FIRST_COMMAND), { minLength: 1, maxLength: 3 }),
    fc.array(step, { minLength: 1, maxLength: 40, size: "max" }),
  )
  .map(([first, rest]) => [...first, ...rest]);
