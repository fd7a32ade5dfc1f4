// The example of packages/http/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import {
  parseInput,
  problemFromThrown,
  problemResponse,
  readJson,
  resolveScope,
  unwrap,
} from "@rookery/http";
import { memoryAdapter } from "@rookery/memory";
import { z } from "zod";

const tenancy = createTenancy({
  adapter: memoryAdapter(),
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
  resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string().min(1) }) } },
})._unsafeUnwrap();

const NoteInput = z.strictObject({ text: z.string().min(1).max(500) });

// Your authentication says who is calling; Rookery takes it from there.
declare function sessionOf(request: Request): Promise<{ userId: string; tenantId: string } | null>;

export async function handle(request: Request): Promise<Response> {
  try {
    // One tenancy.as per request; no session is a 401 problem.
    const scope = unwrap(await resolveScope(tenancy, sessionOf, request));
    // 413 over the limit, 400 for malformed JSON or a failed field, 415 for a non-JSON body.
    const body = unwrap(await readJson(request, { maxBytes: 16_384 }));
    const input = unwrap(parseInput(NoteInput, body));
    const note = unwrap(await scope.resources("note").create({ data: input }));
    return Response.json(note, { status: 201 });
  } catch (thrown) {
    // Rookery's errors as their problem (403, 404, ...); anything else a generic 500.
    return problemResponse(problemFromThrown(thrown));
  }
}
// #endregion example
