// What every framework binding of @rookery/http must do, written once: the
// Hono and Express packages each build the same small API in their framework
// (the routes are the binding's own code under test) and run this suite over
// the wire against it.
import { memoryAdapter } from "@rookery/memory";
import { type PenguinTenancy, type TenancyWorld, tenancyWorld, withOutage } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ProblemReport } from "../src/index.js";

/** A message the failing store gives, which must never reach a client. */
export const STORE_SECRET = "connect ECONNREFUSED db-7.internal:5432 (tenant 42)";

/** The body of `POST /api/campaigns`. */
export const CampaignInput = z.strictObject({
  workspaceId: z.uuid(),
  subject: z.string().min(1).max(200),
  status: z.enum(["draft", "scheduled", "sent"]).default("draft"),
});

/** What the app under test runs on: two tenants built alike, and what the app saw. */
export interface BindingWorld {
  readonly world: TenancyWorld;
  /** The world's tenancy, counting how often a request makes a scope. */
  readonly tenancy: PenguinTenancy;
  readonly asCalls: unknown[];
  /** What the app's problem handler reported. */
  readonly reports: ProblemReport<unknown>[];
  /** Set `down` to make the store fail with STORE_SECRET. */
  readonly store: { down: boolean };
}

export async function bindingWorld(): Promise<BindingWorld> {
  const { adapter, outage } = withOutage(memoryAdapter(), new Error(STORE_SECRET));
  const world = await tenancyWorld(adapter);
  const asCalls: unknown[] = [];
  const tenancy: PenguinTenancy = {
    ...world.tenancy,
    as: (identity) => {
      asCalls.push(identity);
      return world.tenancy.as(identity);
    },
  };
  return { world, tenancy, asCalls, reports: [], store: outage };
}

/**
 * The app a binding builds over a {@link BindingWorld}, listening on a real
 * port. It names the caller by the `x-user` (and `x-tenant`) headers, binds
 * `/api/*` with `context: true` and `/unbound/*` without, and serves:
 * `GET /api/me` (the scope, the context's tenant and the caller's campaigns),
 * `GET /unbound/me`, `GET /api/campaigns/:id`, `POST /api/campaigns`
 * ({@link CampaignInput}, at most 1024 bytes), `POST /api/invitations` behind
 * `requirePermission` for owners and admins, `POST /api/workspaces` and
 * `GET /api/boom` (throws).
 */
export interface BindingApp extends BindingWorld {
  readonly base: string;
  close(): Promise<unknown>;
}

/** Headers naming a caller. */
export const as = (userId: string, tenantId?: string): Record<string, string> =>
  tenantId === undefined ? { "x-user": userId } : { "x-user": userId, "x-tenant": tenantId };

/** JSON headers naming a caller. */
const postAs = (userId: string): Record<string, string> => ({
  ...as(userId),
  "content-type": "application/json",
});

interface MeBody {
  readonly userId: string;
  readonly tenantId: string;
  readonly boundTenantId: string;
  readonly campaignIds: readonly string[];
}

const problemType = "application/problem+json";

/** Runs the binding suite against apps made by `start`. */
export function describeBinding(
  start: (options?: { readonly exposeTrace?: boolean }) => Promise<BindingApp>,
): void {
  let t: BindingApp;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());
  const request = (path: string, init: RequestInit = {}) => fetch(`${t.base}${path}`, init);
  /** Runs `body` against an app of its own, closed afterwards. */
  const withOwnApp = async (
    options: { readonly exposeTrace?: boolean },
    body: (app: BindingApp) => Promise<void>,
  ) => {
    const app = await start(options);
    try {
      await body(app);
    } finally {
      await app.close();
    }
  };

  describe("rookery() binds each request to its caller's scope", () => {
    it("answers 401 with a problem, and reads nothing, when nobody is signed in", async () => {
      const before = t.asCalls.length;
      const response = await request("/api/me");
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe(problemType);
      expect(await response.json()).toMatchObject({
        status: 401,
        code: "UNAUTHENTICATED",
        title: "Unauthenticated",
        detail: "Sign in first: this request carries no authenticated user.",
      });
      expect(t.asCalls.length).toBe(before);
    });

    it("makes the scope with one tenancy.as per request", async () => {
      const before = t.asCalls.length;
      for (const role of ["owner", "admin", "member"] as const) {
        const response = await request("/api/me", { headers: as(t.world.a.ids[role]) });
        expect(await response.json()).toMatchObject({
          userId: t.world.a.ids[role],
          tenantId: t.world.a.tenantId,
        });
      }
      expect(t.asCalls.slice(before)).toEqual([
        t.world.a.ids.owner,
        t.world.a.ids.admin,
        t.world.a.ids.member,
      ]);
    });

    it("passes a session's { userId, tenantId } to tenancy.as as it is", async () => {
      const { member } = t.world.b.ids;
      const response = await request("/api/me", { headers: as(member, t.world.b.tenantId) });
      expect(response.status).toBe(200);
      expect(t.asCalls.at(-1)).toEqual({ userId: member, tenantId: t.world.b.tenantId });
    });

    it("refuses a session naming a tenant that is not the user's, as NOT_FOUND", async () => {
      const response = await request("/api/me", {
        headers: as(t.world.a.ids.member, t.world.b.tenantId),
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    });

    it("binds the scope in tenancy.context when asked, and only then", async () => {
      const bound = await request("/api/me", { headers: as(t.world.b.ids.admin) });
      expect(await bound.json()).toMatchObject({ boundTenantId: t.world.b.tenantId });
      // Without `context: true`, tenancy.context.current() fails closed: NO_TENANT_CONTEXT, a 500.
      const unbound = await request("/unbound/me", { headers: as(t.world.b.ids.admin) });
      expect(unbound.status).toBe(500);
      expect(t.reports.at(-1)?.error).toMatchObject({ code: "NO_TENANT_CONTEXT" });
    });

    it("answers a suspended tenant's users 403 with the tenant's status", async () => {
      await withOwnApp({}, async (own) => {
        (await own.world.tenancy.platform.suspendTenant(own.world.a.tenantId))._unsafeUnwrap();
        const response = await fetch(`${own.base}/api/me`, { headers: as(own.world.a.ids.owner) });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({
          code: "TENANT_INACTIVE",
          tenantStatus: "suspended",
        });
      });
    });

    it("keeps 200 interleaved requests of two tenants each in its own scope", async () => {
      const { a, b } = t.world;
      const own: Record<string, Set<string>> = {
        [a.tenantId]: new Set([a.campaign1, a.campaign2]),
        [b.tenantId]: new Set([b.campaign1, b.campaign2]),
      };
      const callers = Array.from({ length: 200 }, (_, i) => {
        const tenant = i % 2 === 0 ? a : b;
        const role = (["owner", "admin", "member"] as const)[i % 3] ?? "owner";
        return { tenantId: tenant.tenantId, userId: tenant.ids[role] };
      });
      const before = t.asCalls.length;
      const answers = await Promise.all(
        callers.map(async (caller) => {
          const response = await request("/api/me", { headers: as(caller.userId) });
          return { caller, status: response.status, body: (await response.json()) as MeBody };
        }),
      );
      for (const { caller, status, body } of answers) {
        expect(status).toBe(200);
        expect(body.userId).toBe(caller.userId);
        expect(body.tenantId).toBe(caller.tenantId);
        expect(body.boundTenantId).toBe(caller.tenantId);
        expect(body.campaignIds.length).toBeGreaterThan(0);
        for (const id of body.campaignIds) expect(own[caller.tenantId]?.has(id)).toBe(true);
      }
      expect(t.asCalls.length - before).toBe(200);
    }, 120_000);
  });

  describe("errors answer as problems", () => {
    it("answers a member calling an admin action 403, guarded by requirePermission", async () => {
      const response = await request("/api/invitations", {
        method: "POST",
        headers: postAs(t.world.a.ids.member),
        body: JSON.stringify({ email: "new@a.example" }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe(problemType);
      expect(await response.json()).toEqual({
        type: "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#forbidden",
        title: "Forbidden",
        status: 403,
        detail: "Not allowed: only owners and admins invite.",
        code: "FORBIDDEN",
      });
    });

    it("answers the policy's own refusal 403, its trace only where the app opts in", async () => {
      const post = (app: BindingApp) =>
        fetch(`${app.base}/api/workspaces`, {
          method: "POST",
          headers: postAs(app.world.a.ids.member),
          body: JSON.stringify({ name: "Mine" }),
        });
      const hidden = await (await post(t)).json();
      expect(hidden).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(hidden).not.toHaveProperty("trace");
      // The trace stays available to the application's logs.
      expect(t.reports.at(-1)?.error).toMatchObject({
        code: "FORBIDDEN",
        trace: expect.any(Array),
      });
      await withOwnApp({ exposeTrace: true }, async (exposing) => {
        const shown = (await (await post(exposing)).json()) as { trace: string[] };
        expect(shown.trace.length).toBeGreaterThan(1);
      });
    });

    it("answers another tenant's id exactly as an id that was never used: 404", async () => {
      const get = (id: string) =>
        request(`/api/campaigns/${id}`, { headers: as(t.world.a.ids.owner) });
      const own = await get(t.world.a.campaign1);
      expect(own.status).toBe(200);
      const foreign = await get(t.world.b.campaign1);
      const absent = await get("0190a000-0000-7000-8000-00000000beef");
      expect(foreign.status).toBe(404);
      expect(absent.status).toBe(404);
      const [foreignBody, absentBody] = [await foreign.text(), await absent.text()];
      expect(foreignBody).toBe(absentBody);
      expect(JSON.parse(foreignBody)).toMatchObject({ code: "NOT_FOUND", entity: "resource" });
      expect(foreign.headers.get("content-type")).toBe(absent.headers.get("content-type"));
    });

    it("answers VALIDATION 400 naming every failed field, from the route's schema", async () => {
      const response = await request("/api/campaigns", {
        method: "POST",
        headers: postAs(t.world.a.ids.owner),
        body: JSON.stringify({ workspaceId: t.world.a.ws1, subject: "", status: "lost", extra: 1 }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { issues: { path: string }[] };
      expect(body).toMatchObject({ code: "VALIDATION", title: "Invalid input" });
      expect(body.issues.map((issue) => issue.path).sort()).toEqual(["", "status", "subject"]);
    });

    it("answers VALIDATION 400 naming the field core refused", async () => {
      const response = await request("/api/invitations", {
        method: "POST",
        headers: postAs(t.world.a.ids.owner),
        body: JSON.stringify({ email: "max(at)a.example" }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { issues: unknown }).issues).toEqual([
        { path: "email", message: "must be an e-mail address" },
      ]);
    });

    it("answers an oversized body 413 and malformed JSON 400", async () => {
      const post = (body: string, type = "application/json") =>
        request("/api/campaigns", {
          method: "POST",
          headers: { ...as(t.world.a.ids.owner), "content-type": type },
          body,
        });
      const large = await post(JSON.stringify({ subject: "x".repeat(5000) }));
      expect(large.status).toBe(413);
      expect(await large.json()).toMatchObject({ code: "BODY_TOO_LARGE", maxBytes: 1024 });
      const malformed = await post('{"subject": "Hi",');
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({
        code: "VALIDATION",
        issues: [{ path: "", message: "not valid JSON" }],
      });
      const text = await post("subject=Hi", "application/x-www-form-urlencoded");
      expect(text.status).toBe(415);
    });

    it("answers a store outage 503 with nothing of the store's message", async () => {
      t.store.down = true;
      try {
        for (const headers of [
          as(t.world.a.ids.owner), // tenancy.as reads: fails there
          as(t.world.a.ids.owner, t.world.a.tenantId), // reads nothing: the call's unit fails
        ]) {
          const response = await request("/api/me", { headers });
          expect(response.status).toBe(503);
          const text = await response.text();
          expect(JSON.parse(text)).toEqual({
            type: "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#unavailable",
            title: "Service unavailable",
            status: 503,
            detail: "The service is temporarily unavailable; retry later.",
            code: "UNAVAILABLE",
          });
          expect(text).not.toContain("db-7");
          expect(text).not.toContain("did not answer");
          // The application's report keeps the cause for its logs.
          const reported = t.reports.at(-1)?.error as { cause?: Error } | undefined;
          expect(reported?.cause?.message).toBe(STORE_SECRET);
        }
      } finally {
        t.store.down = false;
      }
    });

    it("answers an unexpected exception 500 with a generic detail, and reports it", async () => {
      const response = await request("/api/boom", { headers: as(t.world.a.ids.owner) });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ code: "INTERNAL", title: "Internal error" });
      expect(text).not.toContain("db-7");
      expect(t.reports.at(-1)?.thrown).toBeInstanceOf(Error);
      expect(t.reports.at(-1)?.error).toBeNull();
    });
  });
}
