import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { err, ok, type Result } from "neverthrow";
import { createApp } from "./app.js";
import { firstCalls } from "./first-calls.js";

/**
 * The page's API on Node: the tenants of the first calls, two demo sign-ins
 * (bearer tokens standing in for your authentication's sessions), and the
 * Hono app on `port` (0 for any free one).
 */
export async function startServer(port: number): Promise<Result<Started, Error>> {
  const made = await firstCalls();
  if (made.isErr()) return err(new Error(made.error.message));
  const { tenancy, penguin, krill, acme, campaign } = made.value;

  // #region serve
  // A stand-in for your authentication (better-auth, Auth.js, ...): a session per token.
  const sessions = new Map([
    ["Bearer pat", penguin.owner.userId],
    ["Bearer kim", krill.owner.userId],
  ]);
  const app = createApp(
    tenancy,
    async (authorization) => sessions.get(authorization ?? "") ?? null,
  );

  const server = serve({ fetch: app.fetch, port });
  // #endregion serve
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return ok({ url, workspaceId: acme.id, campaignId: campaign.id, close });
}

export interface Started {
  readonly url: string;
  /** Pat's workspace, Acme Client. */
  readonly workspaceId: string;
  /** Pat's campaign, made by the first calls. */
  readonly campaignId: string;
  close(): Promise<void>;
}
