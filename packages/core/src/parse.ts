import { err, ok, type Result } from "neverthrow";
import type { z } from "zod";
import { issuesFromZod, RookeryErrors, type ValidationError } from "./errors.js";

/**
 * Parses input that crosses the public API. Never throws: a bad input is a
 * VALIDATION error that names each failed field.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject?: string,
): Result<z.output<S>, ValidationError> {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? ok(parsed.data)
    : err(RookeryErrors.validation(issuesFromZod(parsed.error), subject));
}
