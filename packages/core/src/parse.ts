import { err, ok, type Result } from "neverthrow";
import type { z } from "zod";
import {
  issuesFromZod,
  RookeryErrors,
  type ValidationError,
  type ValidationIssue,
} from "./errors.js";

/**
 * `schema.safeParse(input)` that never throws: zod lets an exception thrown
 * while READING the input (a getter, a Proxy trap, a `toString`) escape, so
 * such an input becomes one issue at `path` instead.
 */
export function safeParse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  path = "",
): Result<z.output<S>, ValidationIssue[]> {
  try {
    const parsed = schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>;
    // Inside the try too: zod formats the issues when `error` is first read,
    // and the messages read the input again (its prototype, for the type name).
    return parsed.success ? ok(parsed.data) : err(issuesFromZod(parsed.error));
  } catch {
    return err([{ path, message: "could not be read" }]);
  }
}

/**
 * Parses input that crosses the public API. Never throws: a bad input is a
 * VALIDATION error that names each failed field.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject?: string,
): Result<z.output<S>, ValidationError> {
  return safeParse(schema, input).mapErr((issues) => RookeryErrors.validation(issues, subject));
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
  return safeParse(schema, input).mapErr((found) =>
    RookeryErrors.validation(
      found.map((issue) => ({
        ...issue,
        path: issue.path === "" ? field : `${field}.${issue.path}`,
      })),
      field,
    ),
  );
}
