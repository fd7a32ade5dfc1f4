// The example of packages/hono/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { parseBody, problemHandler, type RookeryEnv, rookery, unwrap } from "@rookery/hono";
import { memoryAdapter } from "@rookery/memory";
import { Hono } from "hono";
import { z } from "zod";

const tenancy = createTenancy({
  adapter: memoryAdapter(),
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
  resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string().min(1) }) } },
})._unsafeUnwrap();

// Your authentication says who is calling (here, a session your auth middleware stored).
type Session = { userId: string; tenantId: string };
const app = new Hono<RookeryEnv<typeof tenancy> & { Variables: { session?: Session } }>();

// Every error below becomes a problem; report() sees the error behind each one.
app.onError(
  problemHandler({
    report: ({ problem, error }) => {
      if (problem.status >= 500) console.error(problem.code, error);
    },
  }),
);
// One tenancy.as per request; no session answers 401 and reads nothing.
app.use("/api/*", rookery({ tenancy, identify: (c) => c.get("session") ?? null }));

app.get("/api/notes/:id", async (c) =>
  // A note of another tenant answers 404, exactly as an id that was never used.
  c.json(unwrap(await c.var.scope.resources("note").get(c.req.param("id")))),
);
app.post("/api/notes", async (c) => {
  // 400 naming the failed fields, 413 over 16 KiB, 415 for a body that is not JSON.
  const NoteInput = z.strictObject({ text: z.string() });
  const input = unwrap(await parseBody(c, NoteInput, { maxBytes: 16_384 }));
  return c.json(unwrap(await c.var.scope.resources("note").create({ data: input })), 201);
});

export default app;
// #endregion example
