import { RookeryErrors, type ValidationError } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";
import type { z } from "zod";

/**
 * Parses a request's input (a body, a query) with the application's zod
 * schema: VALIDATION naming each failed field by its dotted path, as core's
 * own errors do, so a client reads every 400 alike.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  subject = "body",
): Result<z.output<S>, ValidationError> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return err(RookeryErrors.validation(issues, subject));
}
