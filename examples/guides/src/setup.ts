import {
  type Clock,
  createTenancy,
  type IdGenerator,
  type Member,
  type ProvisionedTenant,
  type ResourceCatalogue,
  type RookeryError,
  RookeryErrors,
  type Scope,
  type Tenancy,
  type Workspace,
} from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { err, ok, type Result, type ResultAsync } from "neverthrow";
import { z } from "zod";

/**
 * The tenancy most guides run on: PenguinMails' kind of catalogue, small
 * enough that the limits are reached in a few calls. The provisioning guide
 * shows the same configuration written out.
 */
const plans = {
  starter: { limits: { seats: 4, workspaces: 2 } },
  growth: { limits: { seats: 25, workspaces: 10 } },
};

export const settings = {
  schema: z.object({
    timezone: z.string().default("UTC"),
    dailySendLimit: z.number().int().min(0).default(500),
    signature: z.string().max(500).default(""),
  }),
  workspaceOverridable: ["signature", "dailySendLimit"] as const,
};

export const resources = {
  campaign: {
    scope: "workspace" as const,
    schema: z.strictObject({
      subject: z.string().min(1).max(200),
      status: z.enum(["draft", "sent"]).default("draft"),
    }),
  },
  template: {
    scope: "tenant" as const,
    schema: z.strictObject({ name: z.string().min(1), html: z.string() }),
  },
};

export function guideTenancy(
  options: { readonly clock?: Clock; readonly ids?: IdGenerator; readonly jobSecret?: string } = {},
) {
  return createTenancy({
    adapter: memoryAdapter(),
    plans,
    settings,
    resources,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    ...(options.jobSecret === undefined ? {} : { jobs: { secret: options.jobSecret } }),
  });
}

/** The first workspace a provisioning made, or INVARIANT when it was not asked for. */
export function firstWorkspaceOf(signup: ProvisionedTenant): Result<Workspace, RookeryError> {
  return signup.workspace === null
    ? err(RookeryErrors.invariant("The tenant was provisioned without a first workspace."))
    : ok(signup.workspace);
}

/**
 * Someone signs up in the application and joins the scope's tenant: what an
 * accepted invitation does (see the invitations guide), in two calls, for the
 * guides that only need a team.
 */
export function join<R extends ResourceCatalogue, S extends z.ZodObject>(
  tenancy: Tenancy<R, S>,
  scope: Scope<R, S>,
  person: { readonly email: string; readonly name?: string; readonly role?: "admin" | "member" },
): ResultAsync<Member, RookeryError> {
  const { role, ...profile } = person;
  return tenancy.platform
    .registerUser({ ...profile, subject: `auth|${person.email}` })
    .andThen((user) =>
      scope.members.add({ userId: user.id, ...(role === undefined ? {} : { role }) }),
    );
}
