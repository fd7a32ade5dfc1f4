import { createTenancy, type RookeryError, type Scope } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { manualClock } from "@rookery/testing";
import { err, ok, type Result, safeTry } from "neverthrow";
import { firstWorkspaceOf, guideTenancy, join, resources } from "./setup.js";

/** Runs the snippets of docs/guides/jobs-and-context.md and returns what they produced. */
export function runJobsAndContextGuide() {
  const clock = manualClock("2026-05-04T08:00:00.000Z");
  return safeTry(async function* () {
    // #region configure
    const tenancy = yield* createTenancy({
      adapter: memoryAdapter(),
      plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
      resources,
      jobs: {
        // At least 32 characters, the same in every process that makes or resumes jobs.
        secret: process.env.ROOKERY_JOB_SECRET ?? "a-long-random-secret-for-the-guide-0123456789",
        ttlSeconds: 3600, // one day by default
      },
      clock: clock.now,
    });
    // #endregion configure

    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const acme = yield* firstWorkspaceOf(signup);
    const pat = yield* tenancy.as(signup.owner.userId);
    const max = yield* join(tenancy, pat, { email: "max@penguin.example", name: "Max" });
    yield* pat.workspaces.assign(acme.id, max.userId);
    const scope = yield* tenancy.as(max.userId);
    yield* scope.resources("campaign").create({ workspaceId: acme.id, data: { subject: "Hi" } });

    // #region to-job
    // In the request: hand the job a token instead of a user id.
    const token = yield* scope.toJob();
    // queue.add("send-campaign", { token, campaignId });

    // In the worker: the token is verified and Max's membership read again.
    const resumed = yield* tenancy.fromJob(token);
    const campaigns = yield* resumed.resources("campaign").list();
    // #endregion to-job

    // #region job-errors
    const tampered = await tenancy.fromJob(`${token.slice(0, -2)}xx`);
    // FORBIDDEN: "The job token is invalid or expired."
    clock.advance(2 * 3600 * 1000);
    const expired = await tenancy.fromJob(token);
    // FORBIDDEN as well: the token lived for ttlSeconds.
    // #endregion job-errors

    // #region job-removed
    const fresh = yield* scope.toJob();
    yield* pat.members.remove(max.userId);
    const afterRemoval = await tenancy.fromJob(fresh);
    // NOT_FOUND: the token grants nothing by itself; Max is no longer a member.
    // #endregion job-removed

    const withoutSecret = yield* guideTenancy();
    const other = yield* withoutSecret.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example" },
    });
    const kim = yield* withoutSecret.as(other.owner.userId);
    // #region no-secret
    const noSecret = kim.toJob();
    // CONFIGURATION: "Job tokens need `jobs.secret` in createTenancy's configuration."
    // #endregion no-secret

    // #region context
    type AppScope = Scope<typeof resources>;

    // Deep in the call tree, without a scope parameter:
    async function countCampaigns(): Promise<Result<number, RookeryError>> {
      const current = tenancy.context.current();
      if (current.isErr()) return err(current.error);
      const page = await current.value.resources("campaign").list();
      return page.map((p) => p.items.length);
    }

    // In the framework's middleware, once the user is known:
    const patScope: AppScope = yield* tenancy.as(pat.userId);
    const counted = await tenancy.context.run(patScope, () => countCampaigns());
    // Ok(1): the scope is bound for everything this call awaits.
    const outside = await countCampaigns();
    // NO_TENANT_CONTEXT: "No scope is bound: call this inside tenancy.context.run(scope, ...)."
    // #endregion context

    return ok({
      token,
      resumedUser: resumed.userId,
      maxId: max.userId,
      campaigns: campaigns.items.map((c) => c.data.subject),
      tampered,
      expired,
      afterRemoval,
      noSecret,
      counted,
      outside,
    });
  });
}
