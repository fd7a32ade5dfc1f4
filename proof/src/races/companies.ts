import { createTenancy, type Member, type RookeryAdapter, type User } from "@rookery/core";
import { expectOk, type PenguinScope, type PenguinTenancy, penguinMails } from "@rookery/testing";

/** Plans sized for races of 100 callers. */
export const RACE_PLANS = {
  small: { limits: { seats: 5, workspaces: 2 } },
  fifty: { limits: { seats: 51, workspaces: 51 } },
  big: { limits: { seats: 1_000, workspaces: 1_000 } },
};

/** PenguinMails with the race plans. */
export function raceTenancy(adapter: RookeryAdapter): PenguinTenancy {
  const tenancy = createTenancy({ adapter, ...penguinMails(), plans: RACE_PLANS });
  return expectOk(tenancy, "the race tenancy") as unknown as PenguinTenancy;
}

export interface Company {
  readonly tenantId: string;
  readonly owner: PenguinScope;
  readonly members: readonly Member[];
}

let made = 0;

/** A tenant with its owner and `members` more people of `role`, added through the public API. */
export async function company(
  tenancy: PenguinTenancy,
  plan: "small" | "fifty" | "big",
  members: number,
  role: "admin" | "member" = "member",
): Promise<Company> {
  const n = ++made;
  const signup = expectOk(
    await tenancy.platform.provisionTenant({
      name: `Race Corp ${n}`,
      plan,
      owner: { email: `owner-${n}@race.example` },
    }),
    "provisioning a race company",
  );
  const owner = expectOk(await tenancy.as(signup.owner.userId), "the owner's scope");
  const added: Member[] = [];
  for (let i = 0; i < members; i++) {
    const person = await signedUp(tenancy, `p${i}-of-${n}@race.example`);
    added.push(expectOk(await owner.members.add({ userId: person.id, role }), "adding"));
  }
  return { tenantId: signup.tenant.id, owner, members: added };
}

/** A person who signed up in the application and belongs to no tenant yet. */
export async function signedUp(tenancy: PenguinTenancy, email: string): Promise<User> {
  return expectOk(await tenancy.platform.registerUser({ email }), `registering ${email}`);
}

/** The scopes of some members, made once. */
export async function scopesOf(
  tenancy: PenguinTenancy,
  members: readonly Member[],
): Promise<PenguinScope[]> {
  const scopes: PenguinScope[] = [];
  for (const m of members) scopes.push(expectOk(await tenancy.as(m.userId), "a member's scope"));
  return scopes;
}
