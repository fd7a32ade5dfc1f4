import type { AppTenancy, SessionStore } from "./tenancy.js";

/**
 * Two companies for the example's tests, with sessions as an auth library
 * would open them at sign-in: Pat (owner of Penguin Corp) and Kim (owner of
 * Krill Inc) with the tenant in the session, Max (a member of Penguin Corp)
 * with the user id alone.
 */
export async function seed(tenancy: AppTenancy, sessions: SessionStore) {
  const penguin = (
    await tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Outreach" },
    })
  )._unsafeUnwrap();
  const krill = (
    await tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", name: "Kim" },
      firstWorkspace: { name: "Krill news" },
    })
  )._unsafeUnwrap();
  const pat = (await tenancy.as(penguin.owner.userId))._unsafeUnwrap();
  // Max signed up (the auth library's sign-up hook registered him), then joined Penguin Corp.
  const maxUser = (
    await tenancy.platform.registerUser({ email: "max@penguin.example", name: "Max" })
  )._unsafeUnwrap();
  const max = (await pat.members.add({ userId: maxUser.id }))._unsafeUnwrap();
  const outreach = penguin.workspace?.id ?? "";
  (await pat.workspaces.assign(outreach, max.userId))._unsafeUnwrap();
  const launch = (
    await pat.resources("campaign").create({ workspaceId: outreach, data: { subject: "Launch" } })
  )._unsafeUnwrap();
  const kim = (await tenancy.as(krill.owner.userId))._unsafeUnwrap();
  const krillWorkspace = krill.workspace?.id ?? "";
  const krillCampaign = (
    await kim
      .resources("campaign")
      .create({ workspaceId: krillWorkspace, data: { subject: "Krill" } })
  )._unsafeUnwrap();

  sessions.open("pat-token", { userId: pat.userId, tenantId: pat.tenantId });
  sessions.open("kim-token", { userId: kim.userId, tenantId: kim.tenantId });
  sessions.open("max-token", { userId: max.userId });
  return { outreach, launch: launch.id, krillCampaign: krillCampaign.id, penguinId: pat.tenantId };
}

export const bearer = (token: string, json = false): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  ...(json ? { "content-type": "application/json" } : {}),
});
