import { describe, expect, it } from "vitest";
import { leadingWords, refusedStatement } from "./control-statements.js";

describe("refusedStatement: transaction and session control never reach the unit's connection", () => {
  it.each([
    ["COMMIT", "COMMIT"],
    ["commit and chain", "COMMIT"],
    ["  end;", "END"],
    ["ROLLBACK", "ROLLBACK"],
    ["rollback to savepoint a", "ROLLBACK"],
    ["ROLLBACK PREPARED 'x'", "ROLLBACK"],
    ["COMMIT PREPARED 'x'", "COMMIT"],
    ["abort", "ABORT"],
    ["BEGIN", "BEGIN"],
    ["START TRANSACTION", "START"],
    ["SAVEPOINT a", "SAVEPOINT"],
    ["RELEASE SAVEPOINT a", "RELEASE"],
    ["PREPARE TRANSACTION 'x'", "PREPARE"],
    ["PREPARE q AS SELECT 1", "PREPARE"],
    ["DEALLOCATE ALL", "DEALLOCATE"],
    ["SET ROLE postgres", "SET"],
    ["SET SESSION AUTHORIZATION DEFAULT", "SET"],
    ["set nile.tenant_id = 'x'", "SET"],
    ["SET statement_timeout = 1", "SET"],
    ["SET LOCAL ROLE postgres", "SET"],
    ["SET LOCAL search_path = pg_temp, public", "SET"],
    ["SET LOCAL nile.tenant_id = 'x'", "SET LOCAL nile.*"],
    [`SET LOCAL "NILE".tenant_id = 'x'`, "SET LOCAL NILE.*"],
    ["SET LOCAL rookery . unit = 'x'", "SET LOCAL rookery.*"],
    ["SET TRANSACTION READ WRITE", "SET"],
    ["RESET ALL", "RESET"],
    ["DISCARD TEMP", "DISCARD"],
    ["LISTEN x", "LISTEN"],
    ["UNLISTEN *", "UNLISTEN"],
    ["LOAD 'auto_explain'", "LOAD"],
    ["DO $$ BEGIN PERFORM 1; END $$", "DO"],
    ["ALTER ROLE CURRENT_USER SET nile.tenant_id = 'x'", "ALTER ROLE"],
    ["alter user me set role = 'x'", "ALTER USER"],
    ["ALTER DATABASE d SET search_path = x", "ALTER DATABASE"],
    ["ALTER SYSTEM SET x = 1", "ALTER SYSTEM"],
  ])("refuses %j", (text, refused) => {
    expect(refusedStatement(text)).toBe(refused);
  });

  it.each([
    ["-- a comment\nCOMMIT", "COMMIT"],
    ["/* a */ COMMIT", "COMMIT"],
    ["/* outer /* nested */ still a comment */ commit", "COMMIT"],
    ["/**/commit", "COMMIT"],
    [";COMMIT", "COMMIT"],
    [" ; ;\n\t;  commit", "COMMIT"],
    ["\r\n\f\v COMMIT", "COMMIT"],
    ["-- only\r\nSET ROLE x", "SET"],
    ["\u00a0COMMIT", "COMMIT"],
  ])("sees through blanks, comments and empty statements: %j", (text, refused) => {
    expect(refusedStatement(text)).toBe(refused);
  });

  it.each([
    "SELECT set_config('nile.tenant_id', $1, true)",
    "select 1",
    "WITH x AS (SELECT 1) SELECT * FROM x",
    "INSERT INTO app_notes (body) VALUES ($1)",
    "UPDATE app_notes SET body = $1",
    "DELETE FROM app_notes",
    "CREATE TEMP TABLE t AS SELECT 1",
    "DECLARE c CURSOR FOR SELECT 1",
    "SET CONSTRAINTS ALL DEFERRED",
    "SET LOCAL app.region = 'eu'",
    `SET LOCAL "app".region TO 'eu'`,
    "ALTER TABLE app_notes ADD COLUMN x int",
    "CALL app_proc()",
    "EXPLAIN ANALYZE SELECT 1",
    "/* COMMIT */ SELECT 1",
    "-- COMMIT\nSELECT 1",
    `"commit"`,
    "committed_at",
    "",
    "   ",
    "/* unterminated COMMIT",
  ])("lets %j through", (text) => {
    expect(refusedStatement(text)).toBeNull();
  });

  it("tokenises the first words as PostgreSQL would", () => {
    expect(leadingWords(`/* x */ SeT LoCaL "Ab""c".d`, 5)).toEqual([
      "set",
      "local",
      '"Ab"c',
      ".",
      "d",
    ]);
  });
});
