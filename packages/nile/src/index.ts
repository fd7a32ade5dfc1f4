/**
 * The NileDB / PostgreSQL adapter (`nileAdapter`) on one shared pool, its
 * migrations (`migrate`) and the row-security statements for the application's own tables.
 *
 * @packageDocumentation
 * @module @rookery/nile
 */

// The public surface of @rookery/nile, listed by name.

export type { NileAdapterConfig, NileServerLike } from "./config.js";
export { type NileAdapter, nileAdapter } from "./nile-adapter.js";
export { type MigrateOptions, type MigrateReport, migrate } from "./schema/migrate.js";
export { MIGRATIONS, type Migration, type SchemaMode } from "./schema/migrations.js";
export { SHARED_TABLES, TENANT_AWARE_TABLES } from "./schema/rookery-tables.js";
export { POLICY_NAME, rowSecurityStatements } from "./schema/row-security.js";
export type { VerifyReport } from "./startup/check-database.js";
