/** What the global setup hands every test file of the project. */
export interface ProvidedPostgres {
  /** A superuser URL (to the `postgres` database) for creating databases and inspecting. */
  readonly superuserUrl: string;
  /** The runtime role the adapter connects as: data privileges only, owns nothing. */
  readonly appRole: string;
  readonly appPassword: string;
  /** The ordinary role that owns each database and its schema, and migrates it. */
  readonly ownerRole: string;
  readonly ownerPassword: string;
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
