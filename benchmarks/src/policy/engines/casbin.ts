import { type Enforcer, newEnforcer, newModelFromString } from "casbin";
import { penguinPolicy } from "../penguin-policy.js";
import { resourceOf, rolesHolding, scopeOf } from "../requests.js";
import type { BenchRequest, World } from "../world.js";
import { workspaceId } from "../world.js";
import type { Engine } from "./engine.js";

// RBAC with domains: the domain is the tenant. Owner and admin grants hold in
// every domain ("*") but only for users who have the role in that domain;
// members reach a workspace through a per-workspace role in their tenant.
const model = `
[request_definition]
r = sub, dom, obj, act

[policy_definition]
p = sub, dom, obj, act

[role_definition]
g = _, _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub, r.dom) && (p.dom == "*" || r.dom == p.dom) && keyMatch(r.obj, p.obj) && r.act == p.act
`;

interface CasbinRequest {
  readonly enforcer: Enforcer;
  readonly sub: string;
  readonly dom: string;
  readonly obj: string;
  readonly act: string;
}

async function enforcerFor(world: World): Promise<Enforcer> {
  const enforcer = await newEnforcer(newModelFromString(model));
  const actions = Object.keys(penguinPolicy.definition.actions);
  const policies: string[][] = [];
  for (const action of actions) {
    const resource = resourceOf(action);
    const workspaceScoped = scopeOf(resource) === "workspace";
    for (const role of rolesHolding(action)) {
      if (workspaceScoped && role === "member") continue;
      policies.push([role, "*", workspaceScoped ? `${resource}/*` : resource, action]);
    }
  }
  const memberActions = actions.filter(
    (a) => scopeOf(resourceOf(a)) === "workspace" && rolesHolding(a).has("member"),
  );
  for (let t = 0; t < world.tenants; t++) {
    for (let w = 0; w < world.workspacesPerTenant; w++) {
      const workspace = workspaceId(t, w);
      for (const action of memberActions) {
        policies.push([
          `member@${workspace}`,
          `t${t}`,
          `${resourceOf(action)}/${workspace}`,
          action,
        ]);
      }
    }
  }
  const groupings: string[][] = [];
  for (const actor of world.actors) {
    groupings.push([`u:${actor.userId}`, actor.role, actor.tenantId]);
    for (const workspace of actor.workspaceIds) {
      groupings.push([`u:${actor.userId}`, `member@${workspace}`, actor.tenantId]);
    }
  }
  await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(groupings);
  return enforcer;
}

/** casbin 5, RBAC with domains, from the same role table. It scans every policy on each check. */
export const casbin: Engine<CasbinRequest> = {
  name: "casbin",
  prepare: async (world, requests: readonly BenchRequest[]) => {
    const enforcer = await enforcerFor(world);
    return requests.map((r) => ({
      enforcer,
      sub: `u:${r.actor.userId}`,
      dom: r.target.tenantId,
      obj:
        r.target.workspaceId === undefined ? r.resource : `${r.resource}/${r.target.workspaceId}`,
      act: r.action,
    }));
  },
  check: (p) => p.enforcer.enforceSync(p.sub, p.dom, p.obj, p.act),
};
