// An OpenTelemetry SDK for the tests: spans kept in memory, and the
// AsyncLocalStorage context manager a Node application's SDK installs, so
// that a span started inside another's context is its child across awaits.
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

export function testTracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  return {
    tracer: provider.getTracer("rookery-test"),
    /** The finished spans, oldest first. */
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    stop: () => {
      manager.disable();
      context.disable();
    },
  };
}

/** The spans whose parent is `parent`. */
export function childrenOf(spans: readonly ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
}

/** The one span named `name`; fails the test when there is none or more than one. */
export function only(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const named = spans.filter((span) => span.name === name);
  if (named.length !== 1) {
    throw new Error(
      `expected one span ${name}, found ${named.length}: ${spans.map((s) => s.name)}`,
    );
  }
  return named[0] as ReadableSpan;
}
