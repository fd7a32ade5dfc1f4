// #region tenancy
import { createTenancy, type RookeryAdapter, type Tenancy } from "@rookery/core";
import { z } from "zod";

// Your product's resource types: each has a zod schema for its data and a scope.
// Campaigns live in one workspace; templates are shared by the whole tenant.
const resources = {
  campaign: {
    scope: "workspace" as const,
    schema: z.strictObject({ subject: z.string().min(1).max(200) }),
  },
  template: {
    scope: "tenant" as const,
    schema: z.strictObject({ name: z.string().min(1), html: z.string() }),
  },
};

// Your plans and their limits, held under concurrent requests too.
const plans = {
  starter: { limits: { seats: 3, workspaces: 2 } },
  growth: { limits: { seats: 25, workspaces: 10 } },
};

/** One tenancy per process, over the store the adapter keeps. */
export function appTenancy(adapter: RookeryAdapter) {
  return createTenancy({ adapter, plans, resources });
}
// #endregion tenancy

/** The tenancy's type, typed by the resources above: routes and helpers take it. */
export type AppTenancy = Tenancy<typeof resources>;
