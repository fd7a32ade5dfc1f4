import type { RookeryError, Scope, Tenancy, User } from "@rookery/core";
import { err, ok, type Result, type ResultAsync, safeTry } from "neverthrow";
import { guideTenancy, type resources } from "./setup.js";

type AppTenancy = Tenancy<typeof resources>;
type AppScope = Scope<typeof resources>;

// The parts of each library's session this guide reads, as the libraries document them.

/** better-auth: `await auth.api.getSession({ headers })`. */
interface BetterAuthSession {
  readonly user: { readonly id: string; readonly email: string; readonly name: string };
}

/** Auth.js: `await auth()`, with the user's id copied into the session by the `session` callback. */
interface AuthJsSession {
  readonly user?: {
    readonly id?: string;
    readonly email?: string | null;
    readonly name?: string | null;
  };
}

/** Clerk: `getAuth(req)` (or `auth()` in Next.js) for the id, `clerkClient.users.getUser(userId)` for the profile. */
interface ClerkAuth {
  readonly isAuthenticated: boolean;
  readonly userId: string | null;
}
interface ClerkUser {
  readonly id: string;
  readonly fullName: string | null;
  readonly primaryEmailAddress: {
    readonly emailAddress: string;
    readonly verification: { readonly status: string } | null;
  } | null;
}

/** WorkOS AuthKit: `await session.authenticate()` on the sealed session cookie. */
interface WorkOsAuthentication {
  readonly authenticated: boolean;
  readonly user?: {
    readonly id: string;
    readonly email: string;
    readonly emailVerified: boolean;
    readonly firstName: string | null;
    readonly lastName: string | null;
  };
}

/** Nile auth: `await nile.auth.getSession(req)`. */
interface NileAuthSession {
  readonly user?: { readonly id: string; readonly email: string; readonly name?: string | null };
}

const unauthenticated = (): Result<never, RookeryError> =>
  err({ code: "FORBIDDEN", message: "Sign in first.", trace: [] });

// #region better-auth
// Once, when the person signs up: better-auth's `databaseHooks.user.create.after`.
function onBetterAuthSignUp(tenancy: AppTenancy, user: BetterAuthSession["user"]) {
  return tenancy.platform.registerUser({ email: user.email, subject: user.id, name: user.name });
}

// On every request: the session's user id is the subject.
function scopeFromBetterAuth(tenancy: AppTenancy, session: BetterAuthSession | null) {
  if (session === null) return unauthenticated();
  return tenancy.as({ subject: session.user.id });
}
// #endregion better-auth

// #region authjs
// Auth.js's `events.createUser({ user })` fires once, when its adapter creates the user.
function onAuthJsCreateUser(tenancy: AppTenancy, user: { id?: string; email?: string | null }) {
  if (user.id === undefined || user.email == null) return unauthenticated();
  return tenancy.platform.registerUser({ email: user.email, subject: user.id });
}

// Copy the id into the session (callbacks.session: `session.user.id = token.sub ?? user.id`).
function scopeFromAuthJs(tenancy: AppTenancy, session: AuthJsSession | null) {
  const subject = session?.user?.id;
  if (subject === undefined) return unauthenticated();
  return tenancy.as({ subject });
}
// #endregion authjs

// #region clerk
// Clerk's `user.created` webhook (or the first request of a new user): register with the
// primary, verified address.
function onClerkUserCreated(tenancy: AppTenancy, user: ClerkUser) {
  const email = user.primaryEmailAddress;
  if (email === null || email.verification?.status !== "verified") return unauthenticated();
  return tenancy.platform.registerUser({
    email: email.emailAddress,
    subject: user.id, // user_2x...
    ...(user.fullName === null ? {} : { name: user.fullName }),
  });
}

function scopeFromClerk(tenancy: AppTenancy, auth: ClerkAuth) {
  if (!auth.isAuthenticated || auth.userId === null) return unauthenticated();
  return tenancy.as({ subject: auth.userId });
}
// #endregion clerk

// #region workos
// WorkOS gives the profile with every authentication: registering is idempotent, so the
// callback route that exchanges the code may call it every time.
function onWorkOsSignIn(tenancy: AppTenancy, auth: WorkOsAuthentication) {
  const user = auth.user;
  if (!auth.authenticated || user === undefined || !user.emailVerified) return unauthenticated();
  const name = [user.firstName, user.lastName].filter((part) => part !== null).join(" ");
  return tenancy.platform.registerUser({
    email: user.email,
    subject: user.id, // user_01...
    ...(name === "" ? {} : { name }),
  });
}

function scopeFromWorkOs(tenancy: AppTenancy, auth: WorkOsAuthentication) {
  if (!auth.authenticated || auth.user === undefined) return unauthenticated();
  return tenancy.as({ subject: auth.user.id });
}
// #endregion workos

// #region nile-auth
// Nile auth's users are rows of NileDB's users.users, the table Rookery keeps its users in.
// Registering by e-mail finds that row on NileDB; on other stores it makes one. The id is
// the subject either way, so the wiring is the same as for the other libraries.
function onNileSignUp(tenancy: AppTenancy, user: NonNullable<NileAuthSession["user"]>) {
  return tenancy.platform.registerUser({ email: user.email, subject: user.id });
}

function scopeFromNileAuth(tenancy: AppTenancy, session: NileAuthSession | null) {
  if (session?.user === undefined) return unauthenticated();
  return tenancy.as({ subject: session.user.id });
}
// #endregion nile-auth

/** Runs the snippets of docs/guides/identity.md and returns what they produced. */
export function runIdentityGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy();

    // #region register
    // Called by your sign-up hook with what the authentication library knows.
    const mia = yield* tenancy.platform.registerUser({
      email: "Mia@Penguin.example",
      subject: "user_2xQf9LkPz", // the provider's id for Mia, kept exactly
      name: "Mia",
    });
    // { id: "01...", email: "mia@penguin.example", subject: "user_2xQf9LkPz", name: "Mia" }
    const again = yield* tenancy.platform.registerUser({
      email: "mia@penguin.example",
      subject: "user_2xQf9LkPz",
    });
    // again.id === mia.id: registering twice is harmless, so a hook may retry.
    const noTenant = await tenancy.as({ subject: "user_2xQf9LkPz" });
    // NOT_FOUND (entity "membership"): Mia belongs to no tenant yet. Show her the
    // "create a company" page, or let her accept an invitation.
    // #endregion register

    // #region signup
    // "Create your company" in the product, for a signed-in person:
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "growth",
      owner: { email: "mia@penguin.example", subject: "user_2xQf9LkPz" },
      idempotencyKey: "signup-user_2xQf9LkPz", // a retry finds the tenant, never makes two
    });
    // signup.owner.userId === mia.id: the registered user became the owner.
    // #endregion signup

    // #region request
    // On every request, from the session your authentication library verified:
    const scope = yield* tenancy.as({ subject: "user_2xQf9LkPz" });
    // One read finds Mia's user, her tenant and its status.
    const withTenant = yield* tenancy.as({
      subject: "user_2xQf9LkPz",
      tenantId: signup.tenant.id, // when your session also carries the tenant
    });
    const stranger = await tenancy.as({ subject: "user_unknown" });
    // NOT_FOUND (entity "user"): "No user has this subject: register them with
    // platform.registerUser first."
    // #endregion request

    // #region conflicts
    const otherEmail = await tenancy.platform.registerUser({
      email: "someone@else.example",
      subject: "user_2xQf9LkPz",
    });
    // CONFLICT (user): "This subject is registered with another e-mail."
    const otherSubject = await tenancy.platform.registerUser({
      email: "mia@penguin.example",
      subject: "auth0|42",
    });
    // CONFLICT (user): "This e-mail is registered with another subject."
    // #endregion conflicts

    // #region find-user
    // Operator tools and support: by id, e-mail (any case) or subject.
    const found = yield* tenancy.platform.findUser({ subject: "user_2xQf9LkPz" });
    // { ...mia, tenantId: signup.tenant.id }: the tenant that holds her, null for none.
    const byEmail = yield* tenancy.platform.findUser({ email: "MIA@penguin.example" });
    // #endregion find-user

    // Every library's wiring, with the sessions their documentation shows.
    const wired = yield* wireEveryLibrary(tenancy);
    return ok({
      mia,
      again,
      noTenant,
      signup,
      scope,
      withTenant,
      stranger,
      otherEmail,
      otherSubject,
      found,
      byEmail,
      wired,
    });
  });
}

/** Signs a person up through each library's hook, then makes their scope from its session. */
function wireEveryLibrary(tenancy: AppTenancy) {
  return safeTry(async function* () {
    const people: Record<
      string,
      [
        ResultAsync<User, RookeryError> | Result<never, RookeryError>,
        () => ResultAsync<AppScope, RookeryError> | Result<never, RookeryError>,
      ]
    > = {
      "better-auth": [
        onBetterAuthSignUp(tenancy, { id: "ba_7Hq2", email: "ada@penguin.example", name: "Ada" }),
        () =>
          scopeFromBetterAuth(tenancy, {
            user: { id: "ba_7Hq2", email: "ada@penguin.example", name: "Ada" },
          }),
      ],
      "auth.js": [
        onAuthJsCreateUser(tenancy, { id: "c3b1f0de-auth-js", email: "max@penguin.example" }),
        () =>
          scopeFromAuthJs(tenancy, {
            user: { id: "c3b1f0de-auth-js", email: "max@penguin.example" },
          }),
      ],
      clerk: [
        onClerkUserCreated(tenancy, {
          id: "user_2yClerk",
          fullName: "Sam Skua",
          primaryEmailAddress: {
            emailAddress: "sam@penguin.example",
            verification: { status: "verified" },
          },
        }),
        () => scopeFromClerk(tenancy, { isAuthenticated: true, userId: "user_2yClerk" }),
      ],
      workos: [
        onWorkOsSignIn(tenancy, {
          authenticated: true,
          user: {
            id: "user_01WorkOS",
            email: "kim@penguin.example",
            emailVerified: true,
            firstName: "Kim",
            lastName: null,
          },
        }),
        () =>
          scopeFromWorkOs(tenancy, {
            authenticated: true,
            user: {
              id: "user_01WorkOS",
              email: "kim@penguin.example",
              emailVerified: true,
              firstName: "Kim",
              lastName: null,
            },
          }),
      ],
      "nile auth": [
        onNileSignUp(tenancy, {
          id: "0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b",
          email: "lou@penguin.example",
        }),
        () =>
          scopeFromNileAuth(tenancy, {
            user: { id: "0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b", email: "lou@penguin.example" },
          }),
      ],
    };
    const owner = yield* tenancy.as({ subject: "user_2xQf9LkPz" });
    const outcome: Record<string, { subject: string | null; role: string }> = {};
    for (const [library, [signUp, scopeOf]] of Object.entries(people)) {
      const user = yield* await signUp;
      // They belong to no tenant until they join one; here Mia adds them directly.
      yield* owner.members.add({ userId: user.id });
      const scope = yield* await scopeOf();
      const me = yield* scope.me();
      outcome[library] = { subject: user.subject, role: me.role };
    }
    return ok(outcome);
  });
}
