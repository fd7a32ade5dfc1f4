import { context, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { memoryAdapter } from "@rookery/memory";
import { instrumentAdapter, instrumentTenancy, type TelemetryOptions } from "@rookery/telemetry";
import { type PenguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";

/**
 * What instrumentation costs on the request path as applications call it:
 * `tenancy.as({ userId, tenantId })` then `scope.resources("campaign").get(id)`
 * on the in-memory adapter (the cheapest store, so the overhead shows most),
 * uninstrumented against instrumented with nobody listening (no SDK: the
 * global API's no-op tracer, no context manager), then against instrumented
 * with an SDK recording every span. Rounds alternate, medians are compared.
 */
export interface TelemetryBenchOptions {
  readonly rounds: number;
  readonly requestsPerRound: number;
}

export const fullRun: TelemetryBenchOptions = { rounds: 21, requestsPerRound: 5_000 };

type Request = () => Promise<unknown>;

async function setup(options: TelemetryOptions | null) {
  const adapter = options === null ? memoryAdapter() : instrumentAdapter(memoryAdapter(), options);
  const world: TenancyWorld = await tenancyWorld(adapter);
  const tenancy: PenguinTenancy =
    options === null ? world.tenancy : instrumentTenancy(world.tenancy, options);
  const identity = { userId: world.a.ids.admin, tenantId: world.a.tenantId };
  const id = world.a.campaign1;
  const request: Request = async () => {
    const scope = (await tenancy.as(identity))._unsafeUnwrap();
    return (await scope.resources("campaign").get(id))._unsafeUnwrap();
  };
  return request;
}

/**
 * CPU time of this process per request, in ns: the machines are shared, and
 * wall time would count other processes' work as ours.
 */
async function time(request: Request, count: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await request();
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / count;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Medians of alternating rounds, in ns of CPU time per request. */
async function compare(
  variants: Record<string, Request>,
  options: TelemetryBenchOptions,
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (const [name, request] of Object.entries(variants)) {
    samples[name] = [];
    await time(request, Math.ceil(options.requestsPerRound / 4)); // warm-up
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, request] of Object.entries(variants)) {
      samples[name]?.push(await time(request, options.requestsPerRound));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, median(s)]));
}

/** Exports nowhere: the SDK's recording cost without an exporter's. */
const discard: SpanExporter = {
  export: (_spans: ReadableSpan[], done) => done({ code: 0 }),
  shutdown: async () => undefined,
};

export async function runTelemetryBenchmark(
  options: TelemetryBenchOptions,
  print: (line: string) => void,
): Promise<void> {
  const plain = await setup(null);
  const idle = await compare({ plain, idle: await setup({}) }, options);
  print(`uninstrumented:                 ${idle.plain?.toFixed(0)} ns CPU/request`);
  print(`instrumented, nobody listening: ${idle.idle?.toFixed(0)} ns CPU/request`);

  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(discard)] });
  const tracer: Tracer = provider.getTracer("bench");
  const recorded = await compare({ plain, recording: await setup({ tracer }) }, options);
  manager.disable();
  context.disable();
  print(`instrumented, SDK recording:    ${recorded.recording?.toFixed(0)} ns CPU/request`);
  print(
    `overhead idle: ${((idle.idle ?? 0) - (idle.plain ?? 0)).toFixed(0)} ns/request, ratio ${((idle.idle ?? 0) / (idle.plain ?? 1)).toFixed(3)}`,
  );
  print(
    `overhead recording: ${((recorded.recording ?? 0) - (recorded.plain ?? 0)).toFixed(0)} ns/request, ratio ${((recorded.recording ?? 0) / (recorded.plain ?? 1)).toFixed(3)}`,
  );
}
