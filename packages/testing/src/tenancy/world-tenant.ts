import type { ResourceId } from "@rookery/core";
import type { Result } from "neverthrow";
import { expectOk } from "../expect-result.js";
import type { PenguinTenancy, WorldTenant } from "./penguinmails.js";

/**
 * Builds one tenant of the world through the public API only, so that every
 * adapter stores it the way an application would: provisioning, the team,
 * the second workspace, the member's assignment and one resource of each type.
 */
export async function buildWorldTenant(
  tenancy: PenguinTenancy,
  label: string,
  plan: string,
): Promise<WorldTenant> {
  const step = <T, E>(result: Result<T, E>, what: string) =>
    expectOk(result, `building tenant ${label.toUpperCase()}: ${what}`);
  const made = step(
    await tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan,
      owner: { email: `pat@${label}.example`, name: "Pat Penguin", subject: `pat|${label}` },
      firstWorkspace: { name: "Outreach" },
    }),
    "provisioning",
  );
  const ws1 = made.workspace?.id;
  if (ws1 === undefined) throw new Error("Provisioning made no first workspace.");
  const owner = step(await tenancy.as({ subject: `pat|${label}` }), "the owner's scope");
  // The admin joins as people do: invited by e-mail, signed up, accepted.
  const invited = step(
    await owner.invitations.create({ email: `ada@${label}.example`, role: "admin" }),
    "inviting the admin",
  );
  const ada = { email: `ada@${label}.example`, name: "Ada Auk", subject: `ada|${label}` };
  step(await tenancy.platform.registerUser(ada), "registering the admin");
  const admin = step(
    await tenancy.invitations.accept(invited.token, { subject: ada.subject }),
    "the admin accepting",
  );
  // The member is an existing user added directly.
  const max = step(
    await tenancy.platform.registerUser({
      email: `max@${label}.example`,
      name: "Max Murre",
      subject: `max|${label}`,
    }),
    "registering the member",
  );
  const member = step(await owner.members.add({ userId: max.id }), "adding the member");
  const ws2 = step(await owner.workspaces.create({ name: "Newsletters" }), "creating ws2").id;
  step(await owner.workspaces.assign(ws1, member.userId), "assigning the member");
  const campaigns = owner.resources("campaign");
  const created = {
    campaign1: await campaigns.create({
      workspaceId: ws1,
      data: { subject: "Spring sale", status: "draft" },
    }),
    campaign2: await campaigns.create({
      workspaceId: ws2,
      data: { subject: "Spring sale", status: "draft" },
    }),
    domain1: await owner
      .resources("domain")
      .create({ workspaceId: ws1, data: { hostname: "mail.penguin.example", verified: true } }),
    contact1: await owner
      .resources("contact")
      .create({ workspaceId: ws1, data: { email: "buyer@client.example", name: "Bea Buyer" } }),
    template: await owner
      .resources("template")
      .create({ data: { name: "Newsletter", html: "<p>Hello</p>" } }),
  };
  const id = (key: keyof typeof created) =>
    step<{ id: ResourceId }, unknown>(created[key], `creating ${key}`).id;
  return {
    tenantId: made.tenant.id,
    ids: { owner: made.owner.userId, admin: admin.userId, member: member.userId },
    as: {
      owner,
      admin: step(await tenancy.as(admin.userId), "the admin's scope"),
      member: step(await tenancy.as(member.userId), "the member's scope"),
    },
    ws1,
    ws2,
    campaign1: id("campaign1"),
    campaign2: id("campaign2"),
    domain1: id("domain1"),
    contact1: id("contact1"),
    template: id("template"),
  };
}
