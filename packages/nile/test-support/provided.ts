/** What the global setup hands every test file of the project. */
export interface ProvidedPostgres {
  /** A superuser URL (to the `postgres` database) for creating databases and inspecting. */
  readonly superuserUrl: string;
  /** The ordinary role the adapter connects as: no superuser, no BYPASSRLS. */
  readonly appRole: string;
  readonly appPassword: string;
  /** A database migrated in PostgreSQL mode, copied for each test file. */
  readonly template: string;
  /** Prefix of every database this run creates, so teardown can drop them. */
  readonly prefix: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: ProvidedPostgres;
  }
}
