import { createTenancy, type TenancyEvent } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { ok, safeTry } from "neverthrow";
import { firstWorkspaceOf, resources } from "./setup.js";

type AppEvent = TenancyEvent<typeof resources>;

/** Runs the snippets of docs/guides/events.md and returns what they produced. */
export function runEventsGuide() {
  return safeTry(async function* () {
    const adapter = memoryAdapter(); // one store, shared by the two "processes" below
    const config = {
      adapter,
      plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
      resources,
    };
    const tenancy = yield* createTenancy(config);

    // #region subscribe
    const welcomed: string[] = [];
    const seats = new Map<string, number>();
    const handled = new Set<string>(); // delivery is at least once: remember ids done

    const unsubscribe = tenancy.events.subscribe(async (event: AppEvent) => {
      if (handled.has(event.id)) return;
      switch (event.action) {
        case "tenant.provision":
          seats.set(event.tenantId, 1); // the owner
          break;
        case "member.add":
          welcomed.push(event.target.id); // send the welcome e-mail to this user
          seats.set(event.tenantId, (seats.get(event.tenantId) ?? 0) + 1);
          break;
        case "member.remove":
          seats.set(event.tenantId, (seats.get(event.tenantId) ?? 0) - 1);
          break;
        case "campaign.create":
          // event.after is typed by your schema: { subject: string, status: "draft" | "sent" }
          console.log(`New campaign: ${event.after.subject}`);
          break;
      }
      handled.add(event.id);
    });
    // #endregion subscribe

    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", subject: "user_pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const pat = yield* tenancy.as({ subject: "user_pat" });
    const acme = yield* firstWorkspaceOf(signup);
    const { token } = yield* pat.invitations.create({ email: "max@penguin.example" });
    const max = yield* tenancy.platform.registerUser({
      email: "max@penguin.example",
      subject: "user_max",
    });
    yield* tenancy.invitations.accept(token, { subject: "user_max" });

    // #region settled
    // Subscribers run in the background, after the change committed: the call does not
    // wait for them. In tests, and before a process exits, wait for what is under way:
    await tenancy.events.settled();
    // welcomed holds Max's user id; seats.get(tenantId) === 2.
    // #endregion settled

    // #region failures
    const retried: string[] = [];
    const problems: string[] = [];
    let webhookUp = false;
    const stopWebhook = tenancy.events.subscribe(
      async (event: AppEvent) => {
        if (!webhookUp) throw new Error("webhook unreachable"); // or answer an Err, or reject
        retried.push(event.action);
      },
      { onError: (error, event) => problems.push(`${event.action}: ${String(error)}`) },
    );
    yield* pat.workspaces.rename(acme.id, { name: "Acme Corporation" });
    await tenancy.events.settled();
    // The event stays pending: every subscriber must take it for it to count as delivered.
    webhookUp = true;
    const report = yield* tenancy.events.sweep();
    // { transferred: 0, delivered: 1, failed: 0 }: the rename again, with the same id. The
    // first subscriber sees it twice and skips it the second time, by its id.
    // #endregion failures

    unsubscribe();
    stopWebhook();
    // A process that subscribes nothing commits, then dies before anything was delivered.
    yield* pat.members.remove(max.id);

    // #region sweep
    // At start-up, and every minute or so, in a process that subscribes:
    const restarted = yield* createTenancy(config); // the next process, same store
    const delivered: string[] = [];
    restarted.events.subscribe((event: AppEvent) => void delivered.push(event.action));
    const recovered = yield* restarted.events.sweep();
    // delivered: ["member.remove"]; recovered: { transferred: 0, delivered: 1, failed: 0 }
    const sweeping = every(60_000, () => restarted.events.sweep());
    // #endregion sweep
    clearInterval(sweeping);

    const log = yield* pat.audit.list({ limit: 100 });
    return ok({
      welcomed,
      maxId: max.id,
      seats: seats.get(signup.tenant.id),
      retried,
      problems,
      report,
      delivered,
      recovered,
      handledAll: log.items.every(
        (event) => handled.has(event.id) || event.action === "member.remove",
      ),
    });
  });
}

/** Runs `task` every `ms`; a real application would log the failures it answers. */
function every(ms: number, task: () => unknown): ReturnType<typeof setInterval> {
  return setInterval(() => void task(), ms);
}
