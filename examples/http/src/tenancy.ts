import { createTenancy, type RookeryAdapter } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { z } from "zod";

/** The application's tenancy: one per process, shared by every request. */
export function appTenancy(adapter: RookeryAdapter = memoryAdapter()) {
  return createTenancy({
    adapter,
    plans: { starter: { limits: { seats: 5, workspaces: 3 } } },
    resources: {
      campaign: {
        scope: "workspace",
        schema: z.strictObject({ subject: z.string().min(1).max(200) }),
      },
    },
  })._unsafeUnwrap();
}

export type AppTenancy = ReturnType<typeof appTenancy>;

/** What the application's authentication stores for a signed-in user. */
export interface Session {
  readonly userId: string;
  /** Set at sign-in from the user's membership, so requests need not look it up. */
  readonly tenantId?: string;
}

/**
 * A stand-in for the application's auth library (better-auth, Auth.js, ...):
 * sessions by bearer token. Rookery never sees the token, only the ids.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  open(token: string, session: Session): void {
    this.#sessions.set(token, session);
  }

  async lookup(authorization: string | undefined): Promise<Session | null> {
    const token = authorization?.replace(/^Bearer /, "");
    return token === undefined ? null : (this.#sessions.get(token) ?? null);
  }
}
