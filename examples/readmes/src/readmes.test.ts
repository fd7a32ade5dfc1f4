import { describe, expect, it } from "vitest";

// Each package's README quotes one of these files (the docs' snippet test checks
// the quotes). `pnpm typecheck` compiles all of them; these tests run those that
// need no server and nothing they only declare: nile.ts needs PostgreSQL,
// express.ts hands a declared identity callback to the middleware, and
// testing.ts registers the conformance suite over a declared adapter.
describe("the packages' README examples run", () => {
  it("core: a campaign created through the owner's scope", async () => {
    const { created } = await import("./core.js");
    expect(created._unsafeUnwrap()).toMatchObject({ data: { subject: "Hi" } });
  });

  it("memory and policy: run to the end", async () => {
    await expect(import("./memory.js")).resolves.toBeDefined();
    await expect(import("./policy.js")).resolves.toBeDefined();
  });

  it("telemetry: the tenancy answers through the instrumented adapter", async () => {
    const { tenancy } = await import("./telemetry.js");
    const listed = await tenancy.platform.listTenants({ limit: 1 });
    expect(listed._unsafeUnwrap().items).toEqual([]);
  });

  it("hono: no session answers a 401 problem", async () => {
    const { default: app } = await import("./hono.js");
    const response = await app.request("/api/notes/x");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("http: builds its handler", async () => {
    // Its identity callback is only declared in the README: built, not called.
    const { handle } = await import("./http.js");
    expect(typeof handle).toBe("function");
  });
});
