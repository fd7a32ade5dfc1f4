import type { Scope } from "@rookery/core";

/** The application's own notes of the caller's visible workspaces, through `scope.sql` (docs/nile.md). */
export async function notesOf(scope: Scope) {
  // #region scoped-sql
  const notes = await scope.sql(
    (db) => db.sql`SELECT body FROM app_notes
                   WHERE (${db.workspaceIds}::uuid[] IS NULL OR workspace_id = ANY (${db.workspaceIds}::uuid[]))`,
    { intent: "read" },
  );
  // #endregion scoped-sql
  return notes;
}
