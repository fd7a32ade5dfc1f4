import {
  type Attributes,
  context,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { RookeryError } from "@rookery/core";
import { type Result, ResultAsync } from "neverthrow";
import { RookeryAttributes } from "./attributes.js";

/** Ends a traced operation: the error it answered (null when it succeeded) and its duration. */
type Finish = (error: RookeryError | null, durationMs: number, value: unknown) => void;

interface ResultLike {
  isErr(): boolean;
  readonly error?: unknown;
  readonly value?: unknown;
}

/**
 * Runs `body` in a span made active for everything it does, across awaits
 * (with a context manager installed, as the Node SDK does), and ends the span
 * when the Result it returns settles: a ResultAsync (returned as a
 * ResultAsync), a Promise of a Result, or a plain Result. An Err sets the
 * span's status, its error code and, where the error keeps one, its cause as
 * an exception event. `onValue` may add attributes from an Ok's value.
 *
 * When nobody listens (no logger hook, and a span the SDK does not record,
 * as every span is when no SDK is installed), the body runs in the span's
 * context with no further bookkeeping.
 */
export function traced<R>(
  tracer: Tracer,
  name: string,
  attributes: Attributes,
  body: () => R,
  finish: Finish | null,
  extras: {
    readonly onValue?: (span: Span, value: unknown) => void;
    /** What to run instead of `body` when nobody listens (no logger, a non-recording span). */
    readonly idle?: () => R;
  } = {},
): R {
  const span = tracer.startSpan(name, { attributes });
  const active = trace.setSpan(context.active(), span);
  if (finish === null && !span.isRecording()) {
    // Nobody listens: keep the context (a child's sampler reads it), skip the bookkeeping.
    return context.with(active, extras.idle ?? body);
  }
  const started = finish === null ? 0 : performance.now();
  const settle = (result: ResultLike) => {
    const error = result.isErr() ? (result.error as RookeryError) : null;
    if (error === null) extras.onValue?.(span, result.value);
    else markFailed(span, error);
    span.end();
    finish?.(error, finish === null ? 0 : performance.now() - started, result.value);
    return result;
  };
  const crash = (thrown: unknown) => {
    span.recordException(thrown instanceof Error ? thrown : String(thrown));
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
    throw thrown;
  };
  let out: R;
  try {
    out = context.with(active, body);
  } catch (thrown) {
    return crash(thrown);
  }
  if (isThenable(out)) {
    const settled = (out as PromiseLike<ResultLike>).then(settle, crash);
    // Hand back the type the caller expects: a ResultAsync stays one.
    return (
      isResultAsync(out)
        ? new ResultAsync(Promise.resolve(settled) as Promise<Result<unknown, unknown>>)
        : settled
    ) as R;
  }
  if (isResult(out)) settle(out);
  else {
    span.end();
    finish?.(null, finish === null ? 0 : performance.now() - started, out);
  }
  return out;
}

function markFailed(span: Span, error: RookeryError): void {
  span.setAttribute(RookeryAttributes.ERROR_CODE, error.code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) span.recordException(cause);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

// Duck-typed rather than `instanceof`: the application's neverthrow may be
// loaded twice (its ESM and CJS builds), and both are Results all the same.
function isResultAsync(value: unknown): boolean {
  return isThenable(value) && typeof (value as { andThen?: unknown }).andThen === "function";
}

function isResult(value: unknown): value is ResultLike {
  return typeof (value as { isErr?: unknown } | null)?.isErr === "function";
}
