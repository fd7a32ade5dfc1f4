import { ok, safeTry } from "neverthrow";
import { firstWorkspaceOf, guideTenancy, join } from "./setup.js";

/** Runs the snippets of docs/guides/members.md and returns what they produced. */
export function runMembersGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy();
    // Another company, whose people Penguin Corp will try to add.
    const krill = yield* tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", name: "Kim" },
    });
    const kimScope = yield* tenancy.as(krill.owner.userId);
    const formerKrill = yield* join(tenancy, kimScope, {
      email: "mia@penguin.example",
      name: "Mia",
    });
    yield* kimScope.members.remove(formerKrill.userId);

    // #region scope
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter", // 4 seats, 2 workspaces
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    // In a request handler, the user id comes from your authentication.
    const pat = yield* tenancy.as(signup.owner.userId);
    const me = yield* pat.me();
    // me.role === "owner"; me.workspaceIds lists the workspaces assigned to Pat.
    // #endregion scope

    // #region scope-errors
    const stranger = await tenancy.as("0b7e3a4c-5d6f-4a1b-9c8d-7e6f5a4b3c2d");
    // NOT_FOUND (entity "user"): no user has this id.
    const garbage = await tenancy.as("not-a-uuid");
    // VALIDATION: "Invalid userId: must be a UUID", issues [{ path: "userId", ... }].
    // #endregion scope-errors

    const [adaUser, maxUser, samUser] = [
      yield* tenancy.platform.registerUser({ email: "ada@penguin.example", name: "Ada" }),
      yield* tenancy.platform.registerUser({ email: "max@penguin.example", name: "Max" }),
      yield* tenancy.platform.registerUser({ email: "sam@penguin.example", name: "Sam" }),
    ];
    // #region add-member
    // Ada and Max signed up in your product (platform.registerUser) and belong to
    // no tenant yet.
    const ada = yield* pat.members.add({ userId: adaUser.id, role: "admin" });
    // The role defaults to "member".
    const max = yield* pat.members.add({ userId: maxUser.id });
    // #endregion add-member

    // #region add-errors
    const maxScope = yield* tenancy.as(max.userId);
    const byMember = await maxScope.members.add({ userId: samUser.id });
    // FORBIDDEN: "Not allowed: role member is not granted member.add."

    const taken = await pat.members.add({ userId: krill.owner.userId });
    const unknown = await pat.members.add({ userId: "0b7e3a4c-5d6f-4a1b-9c8d-7e6f5a4b3c2d" });
    // Both NOT_FOUND (entity "user"): "No such user." Kim belongs to Krill Inc, and
    // Penguin Corp cannot tell her from an id that names nobody.
    // #endregion add-errors

    // #region add-existing
    // Mia has a user row already (she once worked for Krill Inc) and belongs to
    // no tenant now: add her by id.
    const mia = yield* pat.members.add({ userId: formerKrill.userId, role: "member" });
    // #endregion add-existing

    // #region seats
    const noSeat = await pat.members.add({ userId: samUser.id });
    // LIMIT_EXCEEDED: { limit: "seats", max: 4 }. Pat, Ada, Max and Mia fill the plan.
    // #endregion seats

    const acme = yield* firstWorkspaceOf(signup);
    // #region visibility
    yield* pat.workspaces.assign(acme.id, max.userId);
    yield* pat.workspaces.assign(acme.id, mia.userId);

    const everyone = yield* pat.members.list();
    // Pat (an owner) sees all four members.
    const maxSees = yield* maxScope.members.list();
    // Max (a member) sees himself and Mia, who shares Acme Client with him.
    const hidden = await maxScope.members.get(ada.userId);
    // NOT_FOUND: Ada works in no workspace of Max's.
    // #endregion visibility

    // #region change-role
    const adaScope = yield* tenancy.as(ada.userId);
    const promoted = yield* adaScope.members.changeRole(mia.userId, "admin");
    // promoted.role === "admin", in force on Mia's very next call.
    const toOwner = await adaScope.members.changeRole(max.userId, "owner");
    // FORBIDDEN: "Not allowed: owner is given only by transferring ownership."
    const demoteOwner = await adaScope.members.changeRole(pat.userId, "member");
    // FORBIDDEN: "Not allowed: the owner's role changes only by transferring ownership."
    // #endregion change-role

    // #region remove
    yield* adaScope.members.remove(max.userId);
    const maxAfter = await maxScope.me();
    // NOT_FOUND: Max's scope was made before he was removed; it is refused on its next call.
    const removeOwner = await adaScope.members.remove(pat.userId);
    // FORBIDDEN: "Not allowed: the owner cannot be removed; transfer ownership first."
    // #endregion remove

    // #region leave
    const miaScope = yield* tenancy.as(mia.userId);
    yield* miaScope.members.leave();
    const ownerLeaves = await pat.members.leave();
    // INVARIANT: "The owner cannot leave; transfer ownership first."
    // #endregion leave

    // #region transfer
    yield* pat.members.transferOwnership(ada.userId);
    const patNow = yield* pat.me(); // patNow.role === "admin"
    const adaNow = yield* adaScope.me(); // adaNow.role === "owner"
    const again = await pat.members.transferOwnership(ada.userId);
    // FORBIDDEN: only the owner transfers ownership, and Pat no longer is.
    // #endregion transfer

    // #region seats-freed
    // Max and Mia are gone: two seats are free again.
    const sam = yield* adaScope.members.add({ userId: samUser.id });
    // #endregion seats-freed

    const remaining = yield* adaScope.members.list();
    return ok({
      me,
      stranger,
      garbage,
      ada,
      max,
      mia,
      byMember,
      taken,
      unknown,
      noSeat,
      everyone: everyone.items.map((m) => m.name),
      maxSees: maxSees.items.map((m) => m.name),
      hidden,
      promoted,
      toOwner,
      demoteOwner,
      maxAfter,
      maxRejoinable: await tenancy.as(max.userId),
      removeOwner,
      ownerLeaves,
      patNow,
      adaNow,
      again,
      sam,
      remaining: remaining.items.map((m) => `${m.name}: ${m.role}`),
    });
  });
}
