import { z } from "zod";

/**
 * PenguinMails' declarations: plans, company-wide settings and the four kinds
 * of thing its customers keep. Campaigns, domains and contacts live inside a
 * workspace (a client, a team); templates are shared by the whole company.
 */
export const plans = {
  starter: { limits: { seats: 5, workspaces: 2 } },
  growth: { limits: { seats: 25, workspaces: 10 } },
};

export type PlanName = keyof typeof plans;
export const PlanName = z.enum(Object.keys(plans) as [PlanName, ...PlanName[]]);

export const settings = {
  schema: z.strictObject({
    timezone: z.string().min(1).max(64).default("UTC"),
    dailySendLimit: z.number().int().min(0).max(1_000_000).default(500),
    signature: z.string().max(500).default(""),
  }),
  workspaceOverridable: ["signature", "dailySendLimit"] as const,
};

export const resources = {
  campaign: {
    scope: "workspace" as const,
    schema: z.strictObject({
      subject: z.string().min(1).max(200),
      status: z.enum(["draft", "scheduled", "sent"]).default("draft"),
    }),
  },
  domain: {
    scope: "workspace" as const,
    schema: z.strictObject({
      hostname: z.string().min(3).max(253),
      verified: z.boolean().default(false),
    }),
  },
  contact: {
    scope: "workspace" as const,
    schema: z.strictObject({ email: z.email(), name: z.string().max(200).default("") }),
  },
  template: {
    scope: "tenant" as const,
    schema: z.strictObject({ name: z.string().min(1).max(200), html: z.string().max(50_000) }),
  },
};

export type ResourceType = keyof typeof resources;

/** How each type is named in the API's paths. */
export const RESOURCE_PATHS = {
  campaign: "campaigns",
  domain: "domains",
  contact: "contacts",
  template: "templates",
} as const satisfies Record<ResourceType, string>;
