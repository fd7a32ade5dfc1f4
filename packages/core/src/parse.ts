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

/**
 * Parses one scalar argument (an id, a name, a role). Its issues carry the
 * argument's name as their path, so that a VALIDATION error names the field
 * even though the value is not inside an object.
 */
export function parseField<S extends z.ZodType>(
  schema: S,
  input: unknown,
  field: string,
): Result<z.output<S>, ValidationError> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = issuesFromZod(parsed.error).map((issue) => ({
    ...issue,
    path: issue.path === "" ? field : `${field}.${issue.path}`,
  }));
  return err(RookeryErrors.validation(issues, field));
}
