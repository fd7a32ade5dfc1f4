import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { manualClock } from "@rookery/testing";
import { ok, safeTry } from "neverthrow";
import { firstWorkspaceOf, resources } from "./setup.js";

/** Runs the snippets of docs/guides/invitations.md and returns what they produced. */
export function runInvitationsGuide() {
  const clock = manualClock("2026-04-06T09:00:00.000Z");
  return safeTry(async function* () {
    // #region configure
    const tenancy = yield* createTenancy({
      adapter: memoryAdapter(),
      plans: { starter: { limits: { seats: 4, workspaces: 2 } } },
      resources,
      invitations: { ttlSeconds: 3 * 86_400 }, // 7 days by default
      clock: clock.now,
    });
    // #endregion configure
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat", subject: "user_pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const acme = yield* firstWorkspaceOf(signup);
    const pat = yield* tenancy.as({ subject: "user_pat" });
    const krill = yield* tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", subject: "user_kim" },
    });

    // #region create
    const { invitation, token } = yield* pat.invitations.create({
      email: "Max@Penguin.example",
      role: "member", // or "admin"; never "owner"
      workspaceIds: [acme.id], // members only: assigned on acceptance
    });
    // invitation: { id, email: "max@penguin.example", role: "member", status: "pending",
    //   workspaceIds: [acme.id], invitedBy: pat.userId, expiresAt: three days from now, ... }
    // token: "rki_..." — shown this once. Send it in a link:
    const link = `https://app.penguinmails.example/join?token=${encodeURIComponent(token)}`;
    // #endregion create

    // #region inspect
    // The page behind the link, before the invitee signs in:
    const preview = yield* tenancy.invitations.inspect(token);
    // { tenant: { id, name: "Penguin Corp" }, email: "max@penguin.example",
    //   role: "member", inviterName: "Pat", expiresAt }
    // #endregion inspect

    // #region accept
    // Max signs up (or in) with your authentication, which registers him (see Identity)...
    yield* tenancy.platform.registerUser({
      email: "max@penguin.example",
      subject: "user_max",
      name: "Max",
    });
    // ...and the page accepts with his session's identity:
    const max = yield* tenancy.invitations.accept(token, { subject: "user_max" });
    // max: { userId, role: "member", email: "max@penguin.example", ... }; he is
    // assigned to Acme Client, and tenancy.as({ subject: "user_max" }) works now.
    const used = await tenancy.invitations.accept(token, { subject: "user_max" });
    // NOT_FOUND (invitation): a token works once.
    // #endregion accept

    // #region accept-errors
    const forMia = yield* pat.invitations.create({ email: "mia@penguin.example" });
    yield* tenancy.platform.registerUser({ email: "lou@penguin.example", subject: "user_lou" });
    const wrongPerson = await tenancy.invitations.accept(forMia.token, { subject: "user_lou" });
    // FORBIDDEN: "This invitation is for another e-mail address; sign in with the
    // address it was sent to."
    const forKim = yield* pat.invitations.create({ email: "kim@krill.example" });
    const elsewhere = await tenancy.invitations.accept(forKim.token, { subject: "user_kim" });
    // CONFLICT (user), to Kim: "You already belong to another organisation; leave it
    // before accepting." Pat learns nothing: the invitation simply stays pending.
    const forged = await tenancy.invitations.inspect("rki_not-a-real-token");
    // NOT_FOUND (invitation): "This invitation is invalid, expired or already used;
    // ask for a new one." The same answer for every token that is not live.
    // #endregion accept-errors

    // #region seats
    // Starter has 4 seats: Pat and Max hold two. Pending invitations hold none.
    const forAda = yield* pat.invitations.create({ email: "ada@penguin.example", role: "admin" });
    const forSam = yield* pat.invitations.create({ email: "sam@penguin.example" });
    const forLea = yield* pat.invitations.create({ email: "lea@penguin.example" });
    for (const [email, subject] of [
      ["ada@penguin.example", "user_ada"],
      ["sam@penguin.example", "user_sam"],
      ["lea@penguin.example", "user_lea"],
    ] as const) {
      yield* tenancy.platform.registerUser({ email, subject });
    }
    yield* tenancy.invitations.accept(forAda.token, { subject: "user_ada" });
    yield* tenancy.invitations.accept(forSam.token, { subject: "user_sam" });
    const noSeat = await tenancy.invitations.accept(forLea.token, { subject: "user_lea" });
    // LIMIT_EXCEEDED (seats, max 4), to Lea. Her invitation stays pending: once a seat
    // is free (or the plan bigger), the same link works.
    // #endregion seats

    // #region manage
    const pending = yield* pat.invitations.list({ status: "pending" });
    // Mia's, Kim's and Lea's, oldest first; `list()` without status shows every one.
    clock.advance(4 * 86_400_000); // more than the three days configured
    const expired = await tenancy.invitations.inspect(forMia.token);
    // NOT_FOUND: expired. It still lists as "pending", with its expiresAt in the past.
    const resent = yield* pat.invitations.resend(forMia.invitation.id);
    // A new token and a new expiry; the old token is dead. Send resent.token.
    const revoked = yield* pat.invitations.revoke(forKim.invitation.id);
    // revoked.status === "revoked": its token is dead too.
    // #endregion manage

    // #region decline
    const declined = yield* tenancy.invitations.decline(resent.token);
    const afterDecline = await tenancy.invitations.accept(resent.token, { subject: "user_lou" });
    // NOT_FOUND: a declined invitation's token is dead.
    // #endregion decline

    // #region member-errors
    const maxScope = yield* tenancy.as({ subject: "user_max" });
    const byMember = await maxScope.invitations.create({ email: "zoe@penguin.example" });
    // FORBIDDEN: only owners and admins invite.
    const asOwner = await pat.invitations.create({
      email: "zoe@penguin.example",
      role: "owner" as "admin",
    });
    // VALIDATION (role): owners are made only by transferring ownership.
    // #endregion member-errors

    const log = yield* pat.audit.list({ limit: 100 });
    return ok({
      invitation,
      token,
      link,
      preview,
      max,
      used,
      wrongPerson,
      elsewhere,
      forged,
      noSeat,
      pending: pending.items.map((i) => i.email),
      expired,
      resent,
      oldToken: forMia.token,
      revoked,
      declined,
      afterDecline,
      byMember,
      asOwner,
      krillTenantId: krill.tenant.id,
      actions: log.items.map((event) => event.action).filter((a) => a.startsWith("invitation.")),
      maxScope: { userId: maxScope.userId, workspaces: [...(yield* maxScope.me()).workspaceIds] },
      acmeId: acme.id,
    });
  });
}
