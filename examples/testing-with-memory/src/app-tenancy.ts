import {
  type Clock,
  createTenancy,
  type IdGenerator,
  type RookeryAdapter,
  type Scope,
  type TypedResource,
} from "@rookery/core";
import { z } from "zod";

/** The application's campaigns: a draft, then scheduled for a time, then sent. */
const Campaign = z.strictObject({
  subject: z.string().min(1).max(200),
  status: z.enum(["draft", "scheduled", "sent"]).default("draft"),
  sendAt: z.iso.datetime().nullable().default(null),
});

const resources = { campaign: { scope: "workspace" as const, schema: Campaign } };

/** What tests inject; production passes nothing and gets random ids and the system clock. */
export interface TestSeams {
  readonly ids?: IdGenerator;
  readonly clock?: Clock;
}

/** The application's one tenancy, over whichever store the adapter keeps. */
export function appTenancy(adapter: RookeryAdapter, seams: TestSeams = {}) {
  return createTenancy({
    adapter,
    plans: {
      starter: { limits: { seats: 3, workspaces: 2 } },
      growth: { limits: { seats: 10, workspaces: 5 } },
    },
    resources,
    ...(seams.ids === undefined ? {} : { ids: seams.ids }),
    ...(seams.clock === undefined ? {} : { clock: seams.clock }),
  });
}

export type AppScope = Scope<typeof resources>;
export type Campaign = TypedResource<z.output<typeof Campaign>>;
