import { type BetterAuthOptions, betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import type { Store } from "./store.js";
import type { AppTenancy } from "./tenancy.js";

export interface AuthOptions {
  /** Signs the session cookies: `BETTER_AUTH_SECRET`, at least 32 characters. */
  readonly secret: string;
  /** Where the app is reached: decides the cookies' `Secure` flag. */
  readonly baseURL: string;
}

/**
 * better-auth, e-mail and password sessions, wired to Rookery at two points:
 * a new account is registered as a Rookery user (its better-auth id is the
 * subject), and a new session remembers the person's Rookery user and tenant
 * so a request can hand `tenancy.as` both ids and read nothing more.
 */
export function appAuth(tenancy: AppTenancy, store: Store, options: AuthOptions) {
  return betterAuth(authConfig(tenancy, store.authDatabase, options));
}

function authConfig(
  tenancy: AppTenancy,
  database: NonNullable<BetterAuthOptions["database"]>,
  options: AuthOptions,
) {
  return {
    appName: "PenguinMails",
    secret: options.secret,
    baseURL: options.baseURL,
    database,
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: {
      additionalFields: {
        rookeryUserId: { type: "string", required: false, input: false },
        rookeryTenantId: { type: "string", required: false, input: false },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // Once, when the account is made. A failure fails the sign-up.
          after: async (user) => {
            const registered = await tenancy.platform.registerUser({
              email: user.email,
              subject: user.id,
              name: user.name,
            });
            if (registered.isErr()) throw registered.error;
          },
        },
      },
      session: {
        create: {
          // At every sign-in: the person's tenant as it is now, read once.
          before: async (session) => {
            const found = await tenancy.platform.findUser({ subject: session.userId });
            if (found.isErr()) return { data: session };
            const tenantId = found.value.tenantId;
            return {
              data: {
                ...session,
                rookeryUserId: found.value.id,
                ...(tenantId === null ? {} : { rookeryTenantId: tenantId }),
              },
            };
          },
        },
      },
    },
  } satisfies BetterAuthOptions;
}

export type AppAuth = ReturnType<typeof appAuth>;

/** What `auth.api.getSession` answers for a signed-in request. */
export type AuthSession = NonNullable<Awaited<ReturnType<AppAuth["api"]["getSession"]>>>;

/**
 * Creates better-auth's tables (`user`, `session`, `account`, `verification`)
 * beside Rookery's, as the role that migrates. Nothing to do in memory.
 */
export async function migrateAuth(
  tenancy: AppTenancy,
  store: Store,
  options: AuthOptions,
): Promise<void> {
  if (store.authMigrationDatabase === null) return;
  const { runMigrations } = await getMigrations(
    authConfig(tenancy, store.authMigrationDatabase, options),
  );
  await runMigrations();
}

/**
 * Records the person's tenant in their session once it changed (a company
 * founded, an invitation accepted), so the next requests read nothing to find it.
 */
export async function rememberTenant(
  auth: AppAuth,
  sessionToken: string,
  ids: { readonly userId: string; readonly tenantId: string },
): Promise<void> {
  const context = await auth.$context;
  await context.internalAdapter.updateSession(sessionToken, {
    rookeryUserId: ids.userId,
    rookeryTenantId: ids.tenantId,
  });
}
