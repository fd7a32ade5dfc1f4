import { z } from "zod";

/**
 * PenguinMails' declarations: its plans, its company-wide settings and the
 * four kinds of thing its customers keep. This is all an application writes
 * to get tenants, teams, workspaces and isolation from Rookery.
 */
export const plans = {
  starter: { limits: { seats: 5, workspaces: 2 } },
  growth: { limits: { seats: 25, workspaces: 10 } },
};

export const settings = {
  schema: z.object({
    timezone: z.string().default("UTC"),
    dailySendLimit: z.number().int().min(0).default(500),
    signature: z.string().max(500).default(""),
  }),
  workspaceOverridable: ["signature"] as const,
};

export const resources = {
  campaign: {
    scope: "workspace" as const,
    schema: z.strictObject({
      subject: z.string().min(1).max(200),
      status: z.enum(["draft", "sent"]),
    }),
  },
  domain: {
    scope: "workspace" as const,
    schema: z.strictObject({ hostname: z.string().min(3).max(253), verified: z.boolean() }),
  },
  contact: {
    scope: "workspace" as const,
    schema: z.strictObject({ email: z.email(), name: z.string().max(200) }),
  },
  template: {
    scope: "tenant" as const,
    schema: z.strictObject({ name: z.string().min(1).max(200), html: z.string().max(100_000) }),
  },
};
