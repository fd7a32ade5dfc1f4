import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLanes } from "../support/lanes.js";
import { campaignSeed, PROOF } from "../support/settings.js";
import { ENTRY_POINTS } from "./entry-points.js";
import { KNOWN_BUGS } from "./known-bugs.js";
import {
  type Anomaly,
  emptyHostileTally,
  type HostileSide,
  hostileSession,
} from "./run-hostile.js";
import { getAt } from "./slot.js";
import { HOSTILE_VALUES } from "./values.js";
import { buildSides, foreignIds } from "./worlds.js";

const seed = campaignSeed();
const tally = emptyHostileTally();
let opened: Awaited<ReturnType<typeof openLanes>>;

beforeAll(async () => {
  opened = await openLanes(1);
});
afterAll(async () => {
  await opened?.close();
  const count = (kind: Anomaly["kind"] | Anomaly["kind"][]) =>
    tally.anomalies.filter((a) => [kind].flat().includes(a.kind)).length;
  console.log(
    `hostile inputs: ${tally.inputs}, throws: ${count(["throw", "untyped error"])}, ` +
      `partial writes: ${count("partial write")}, adapter disagreements: ${count("disagreement")}` +
      `\nhostile inputs answered Ok: ${tally.okAnswers}, 5xx answers: ${count("server error")}, ` +
      `FORBIDDEN for another tenant's id: ${count("disclosure")}, oracle violations: ${count("violation")}` +
      `\nknown bugs, counted apart (regressions in proof/known-bugs, run by pnpm test:known-bugs): ` +
      KNOWN_BUGS.map((b) => `${b.id} ${tally.known.get(b.id)?.length ?? 0}`).join(", "),
  );
});

function report(found: readonly Anomaly[]): string {
  return found
    .slice(0, 25)
    .map((a) => `${a.kind}: ${a.entry} ${a.slot} = ${a.label}: ${a.detail}`)
    .join("\n");
}

const lane = () => opened.lanes[0] as NonNullable<(typeof opened.lanes)[0]>;
const TIMEOUT = 30 * 60_000;

describe("hostile input through every public entry point, on both adapters", () => {
  for (const entry of ENTRY_POINTS) {
    it(`${entry.name}: every hostile value in every slot answers a typed error or a correct result`, {
      timeout: TIMEOUT,
    }, async () => {
      const session = await hostileSession(() => buildSides(lane()), tally);
      const from = tally.anomalies.length;
      let n = 0;
      for (const slot of entry.slots) {
        for (const hostile of HOSTILE_VALUES) {
          // "Does not apply" (an id spelling of a name, say) is told by the value itself.
          const [first] = session.sides as [HostileSide, ...HostileSide[]];
          const sample = hostile.make(getAt(entry.args(first.world, n), slot), foreignIds(first));
          if (sample === undefined && hostile.kind !== "type") continue;
          await session.attempt(
            { entry, slot, n: n++ },
            {
              label: hostile.label,
              kind: hostile.kind,
              value: (side, args) => hostile.make(getAt(args, slot), foreignIds(side)),
            },
          );
        }
      }
      expect(report(tally.anomalies.slice(from))).toBe("");
    });
  }

  it(`${PROOF.hostileRandom} random values (seed ${seed}) in random slots`, {
    timeout: TIMEOUT,
  }, async () => {
    const session = await hostileSession(() => buildSides(lane()), tally);
    const from = tally.anomalies.length;
    const slots = ENTRY_POINTS.flatMap((entry) => entry.slots.map((slot) => ({ entry, slot })));
    const draws = fc.sample(
      fc.record({
        at: fc.nat(slots.length - 1),
        value: fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.string({ unit: "grapheme", maxLength: 50 }),
          fc.uuid(),
          fc.double(),
          fc.anything({
            withBigInt: true,
            withBoxedValues: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withObjectString: true,
            withSparseArray: true,
            withTypedArray: true,
            withUnicodeString: true,
          }),
        ),
      }),
      { seed, numRuns: PROOF.hostileRandom },
    );
    for (const [n, draw] of draws.entries()) {
      const { entry, slot } = slots[draw.at] as (typeof slots)[number];
      await session.attempt(
        { entry, slot, n },
        {
          label: `random ${fc.stringify(draw.value).slice(0, 200)}`,
          kind: "random",
          value: () => draw.value,
        },
      );
    }
    expect(report(tally.anomalies.slice(from))).toBe("");
  });
});
