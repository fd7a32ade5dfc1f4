// The example of packages/express/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { parseBody, problemHandler, rookery, scopeOf, unwrap } from "@rookery/express";
import { memoryAdapter } from "@rookery/memory";
import express from "express";
import { z } from "zod";

const tenancy = createTenancy({
  adapter: memoryAdapter(),
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
  resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string().min(1) }) } },
})._unsafeUnwrap();

// Your authentication says who is calling (here, a session your auth middleware stored).
declare function sessionOf(req: express.Request): { userId: string; tenantId: string } | null;

const app: express.Express = express();
// 413 over the limit, 400 for malformed JSON: problemHandler answers the parser's errors too.
app.use(express.json({ limit: "16kb" }));
// One tenancy.as per request; no session answers 401 and reads nothing.
app.use("/api", rookery({ tenancy, identify: sessionOf }));

app.get("/api/notes/:id", async (req, res) => {
  // A note of another tenant answers 404, exactly as an id that was never used.
  res.json(unwrap(await scopeOf(req, tenancy).resources("note").get(req.params.id)));
});
app.post("/api/notes", async (req, res) => {
  const input = unwrap(parseBody(req, z.strictObject({ text: z.string() })));
  const note = await scopeOf(req, tenancy).resources("note").create({ data: input });
  res.status(201).json(unwrap(note));
});

// Last: every error above becomes a problem; report() sees the error behind each one.
app.use(
  problemHandler({
    report: ({ problem, error }) => {
      if (problem.status >= 500) console.error(problem.code, error);
    },
  }),
);

export default app;
// #endregion example
