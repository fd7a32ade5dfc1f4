/**
 * What a connection must not carry to the next unit once the application's
 * own SQL ran on it: WITH HOLD cursors, a role or session settings changed
 * for the session, LISTEN channels, session advisory locks, temporary tables
 * (and whatever else lives in `pg_temp`) and sequence state.
 *
 * It is `DISCARD ALL` without `DEALLOCATE ALL` and `DISCARD PLANS`. Cached
 * plans hold no data (PostgreSQL re-validates them when what they read
 * changes), and Rookery's own prepared statements keep theirs, so the units
 * after this one do not plan every statement again. `pg` remembers which named
 * statements each connection has prepared, and dropping them behind its back
 * would break the application's own named queries on the pool. (The
 * application's SQL cannot `PREPARE` through Rookery.) `DISCARD ALL` itself
 * refuses to run in a transaction block, which one multi-statement message
 * is; every statement below runs there. One simple-protocol message, sent in
 * the same flight as COMMIT.
 *
 * `RESET ALL` brings settings back to the session's defaults: what the role,
 * the database and the connection's start-up options set (`application_name`,
 * a `statement_timeout` in the connection string) stays; what a pool's
 * `connect` hook set with `SET` does not.
 */
export const SESSION_RESET =
  "CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; UNLISTEN *; " +
  "SELECT pg_catalog.pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES";
