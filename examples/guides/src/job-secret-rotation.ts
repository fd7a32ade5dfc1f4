import { createTenancy, type RookeryAdapter } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import type { ManualClock } from "@rookery/testing";
import { ok, safeTry } from "neverthrow";
import { resources } from "./setup.js";

const OLD_SECRET = "the-secret-every-process-used-until-today-0123";
const NEW_SECRET = "the-secret-the-rotation-brings-in-9876543210";

/** Runs the rotation of docs/security.md: a token of each secret, resumed during and after it. */
export function runJobSecretRotation(clock: ManualClock) {
  const adapter = memoryAdapter();
  const config = (secret: string) => ({
    adapter,
    plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
    resources,
    jobs: { secret },
    clock: clock.now,
  });
  return safeTry(async function* () {
    // A web process before the rotation: it still signs with the old secret.
    const before = yield* createTenancy(config(OLD_SECRET));
    const signup = yield* before.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example" },
    });
    const oldToken = yield* (yield* before.as(signup.owner.userId)).toJob();

    const worker = yield* rotatingWorker(adapter, config);
    const newToken = yield* (yield* worker.tenancy.as(signup.owner.userId)).toJob();
    const duringOld = await worker.resume(oldToken);
    const duringNew = await worker.resume(newToken);
    const forged = await worker.resume(`${newToken.slice(0, -2)}xx`);

    // Without the fallback, a token in flight is refused at once: a hard switch.
    const hardSwitch = yield* createTenancy(config(NEW_SECRET));
    const inFlight = await hardSwitch.fromJob(oldToken);
    // After ttlSeconds (a day by default), no old token is valid any more: drop the fallback.
    clock.advance(86_400_000 + 1000);
    const expiredOld = await worker.resume(oldToken);
    return ok({ duringOld, duringNew, forged, inFlight, expiredOld, ownerId: signup.owner.userId });
  });
}

/** Step 1 of the rotation: a worker that signs with the new secret and accepts both. */
function rotatingWorker(
  adapter: RookeryAdapter,
  config: (secret: string) => Parameters<typeof createTenancy<typeof resources>>[0],
) {
  return safeTry(async function* () {
    // #region rotation
    // During a rotation: the new secret signs and verifies; the previous one only verifies.
    const tenancy = yield* createTenancy(config(NEW_SECRET));
    const previous = yield* createTenancy(config(OLD_SECRET)); // same adapter, used for nothing else

    // Resumes a job from a token of either secret, as a scope of `tenancy`.
    const resume = (token: string) =>
      tenancy.fromJob(token).orElse((refused) =>
        previous
          .fromJob(token)
          .andThen((old) => tenancy.as({ userId: old.userId, tenantId: old.tenantId }))
          .mapErr(() => refused),
      );
    // #endregion rotation
    return ok({ tenancy, resume, adapter });
  });
}
