import { casbin } from "./engines/casbin.js";
import { caslPerRequest, caslPrebuilt } from "./engines/casl.js";
import type { Engine } from "./engines/engine.js";
import { floor } from "./engines/floor.js";
import { rookery, rookeryDecision } from "./engines/rookery.js";
import { buildRequestSets, buildRequests } from "./requests.js";
import { type Timed, type TimingOptions, timeEngines } from "./timing.js";
import { type BenchRequest, buildWorld, type World } from "./world.js";

export interface BenchOptions extends TimingOptions {
  /** Tenants of the small world (every engine) and of the large one (all but casbin). */
  readonly smallTenants: number;
  readonly largeTenants: number;
  readonly requests: number;
  readonly crossTenantShare: number;
  /** How many requests casbin answers; it scans every policy, so few. */
  readonly casbinRequests: number;
  /** A smaller world on which casbin is also timed, to show how its cost grows. */
  readonly casbinGrowthTenants: number;
}

export const fullRun: BenchOptions = {
  smallTenants: 100,
  largeTenants: 100_000,
  requests: 8192,
  crossTenantShare: 0.2,
  casbinRequests: 2000,
  casbinGrowthTenants: 25,
  rounds: 9,
  roundMs: 150,
  warmupMs: 500,
};

type Print = (line: string) => void;

/** A set of requests over one world, under a label that names both in the output. */
interface Scenario {
  readonly label: string;
  readonly world: World;
  readonly requests: readonly BenchRequest[];
}

const get = (results: Map<string, number>, name: string) => results.get(name) ?? Number.NaN;
const ns = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a: number, b: number) => (a / b).toFixed(2);

/**
 * Request sets over worlds, built in lockstep (see buildRequestSets) so that
 * worlds compared with each other get the same heap layout.
 */
function scenarios(
  worlds: readonly World[],
  options: BenchOptions,
  residentActors: readonly boolean[] = [],
): Scenario[] {
  const sets = buildRequestSets(
    worlds.map((world, index) => ({
      world,
      options: {
        count: options.requests,
        crossTenantShare: options.crossTenantShare,
        residentActors: residentActors[index] ?? false,
      },
    })),
  );
  return worlds.map((world, index) => ({
    label: `${world.tenants} tenants${residentActors[index] ? ", resident actors" : ""}`,
    world,
    requests: sets[index] ?? [],
  }));
}

function describe(s: Scenario, print: Print): void {
  const users = new Set(s.requests.map((r) => r.actor.userId)).size;
  const cross = s.requests.filter((r) => r.actor.tenantId !== r.target.tenantId).length;
  const allowed = s.requests.filter((r) => rookery.check(r)).length;
  print(
    `world ${s.label}: ${s.world.tenants} x ${s.world.workspacesPerTenant} workspaces, ` +
      `${s.world.actors.length} users; ${s.requests.length} requests from ${users} users, ` +
      `${cross} cross-tenant, ${allowed} allowed`,
  );
}

/** Prepares each engine for a scenario and fails unless it gives rookery's answer on every request. */
async function verified(engines: readonly Engine[], s: Scenario, print: Print): Promise<Timed[]> {
  const reference = s.requests.map((r) => rookery.check(r));
  const allowedPerPass = reference.filter(Boolean).length;
  const timed: Timed[] = [];
  for (const engine of engines) {
    const prepared = await engine.prepare(s.world, s.requests);
    prepared.forEach((p, i) => {
      if (engine.check(p) !== reference[i]) {
        const { actor, action, target } = s.requests[i] as BenchRequest;
        const request = { ...actor, workspaceIds: [...actor.workspaceIds], action, target };
        throw new Error(
          `${engine.name} disagrees with rookery (${reference[i]}) on ${JSON.stringify(request)}`,
        );
      }
    });
    const check = engine.check as Timed["check"];
    timed.push({ name: `${engine.name} ${s.label}`, prepared, check, allowedPerPass });
  }
  const verb = engines.length === 1 ? "agrees" : "agree";
  print(`  ${engines.map((e) => e.name).join(", ")} ${verb} on all ${s.requests.length} requests`);
  return timed;
}

async function timeCasbin(tenants: number, options: BenchOptions, print: Print): Promise<number> {
  const world = buildWorld(tenants);
  const requests = buildRequests(world, {
    count: options.casbinRequests,
    crossTenantShare: options.crossTenantShare,
    seed: 3,
  });
  const s = { label: `${tenants} tenants`, world, requests };
  describe(s, print);
  const timed = await verified([casbin], s, print);
  // One pass is long enough to time; the verification pass was its warm-up.
  const results = timeEngines(timed, { rounds: 3, roundMs: 0, warmupMs: 0 });
  return get(results, `casbin ${s.label}`);
}

/**
 * The policy benchmark: ns per check of each engine on each world, then the
 * ratios, last, in a fixed form. Engines that are compared with each other are
 * timed in one interleaved group, so that drift of the machine falls on all alike.
 */
export async function runPolicyBenchmark(options: BenchOptions, print: Print): Promise<void> {
  print(
    `policy check benchmark: ns/check, median of ${options.rounds} rounds, node ${process.version}`,
  );
  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  const show = (results: Map<string, number>) => {
    for (const [name, value] of results) print(`  ${name}: ${ns(value)}`);
    return results;
  };

  // CASL allocates on every check, so it is timed while the heap holds only the
  // small world, as a service of that size would; casbin, too, needs only it.
  const smallWorld = buildWorld(options.smallTenants);
  const caslSmall = scenarios([smallWorld], options)[0] as Scenario;
  describe(caslSmall, print);
  const caslTimed = await verified([caslPrebuilt, caslPerRequest], caslSmall, print);
  collect();
  const casl = show(timeEngines(caslTimed, options));
  const casbinSmall = await timeCasbin(options.smallTenants, options, print);
  print(`  casbin ${options.smallTenants} tenants: ${ns(casbinSmall)}`);
  const casbinGrowth = await timeCasbin(options.casbinGrowthTenants, options, print);
  print(`  casbin ${options.casbinGrowthTenants} tenants: ${ns(casbinGrowth)}`);
  print(
    `  casbin grows with its policy count: ${ratio(casbinSmall, casbinGrowth)}x the time for ` +
      `${options.smallTenants / options.casbinGrowthTenants}x the tenants`,
  );

  const largeWorld = buildWorld(options.largeTenants);
  const [small, large, resident] = scenarios([smallWorld, largeWorld, largeWorld], options, [
    false,
    false,
    true,
  ]) as [Scenario, Scenario, Scenario];
  const fast = [rookery, rookeryDecision, floor];
  const fastTimed: Timed[] = [];
  for (const [s, engines] of [
    [small, fast],
    [large, fast],
    [resident, [rookery, floor]],
  ] as const) {
    describe(s, print);
    fastTimed.push(...(await verified(engines, s, print)));
  }
  collect();
  const results = show(timeEngines(fastTimed, options));
  describe(large, print);
  const caslLarge = await verified([caslPrebuilt], large, print);
  collect();
  show(timeEngines(caslLarge, options));

  const at = (name: string, s: Scenario) => get(results, `${name} ${s.label}`);
  const base = at("rookery", small);
  print(
    `  with resident actors, rookery/floor is ${ratio(at("rookery", resident), at("floor", resident))}` +
      ` and rookery ${options.largeTenants}/${options.smallTenants} tenants ` +
      `${ratio(at("rookery", resident), base)}: memory, not the engine, grows`,
  );
  print(
    `ratio casl-prebuilt/rookery: ${ratio(get(casl, `casl-prebuilt ${caslSmall.label}`), base)}`,
  );
  print(
    `ratio casl-per-request/rookery: ${ratio(get(casl, `casl-per-request ${caslSmall.label}`), base)}`,
  );
  print(`ratio casbin/rookery: ${ratio(casbinSmall, base)}`);
  print(`ratio rookery/floor: ${ratio(base, at("floor", small))}`);
  print(
    `ratio rookery ${options.largeTenants}/${options.smallTenants} tenants: ${ratio(at("rookery", large), base)}`,
  );
}
