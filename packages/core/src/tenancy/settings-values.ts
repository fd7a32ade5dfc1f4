import type { JsonObject } from "../model/common.js";
import type { TenancyEnv } from "./env.js";

/** The company-wide settings a new tenant starts with: the schema's defaults. */
export function defaultSettings(env: TenancyEnv): JsonObject {
  return env.settings === undefined ? {} : (env.settings.schema.parse({}) as JsonObject);
}
