import type { Resource } from "@rookery/core";
import fc from "fast-check";
import {
  type ActorArgs,
  actorArgs,
  actorTenant,
  command,
  type Pick,
  pick,
  pickWorkspace,
  resolveActor,
  resolvePick,
} from "../command.js";
import { type Known, learnResource } from "../known.js";
import { asActor } from "../side.js";
import { pageLimit, RESOURCE_TYPES, type ResourceType, resourceData } from "./values.js";

const type = fc.constantFrom<ResourceType>(...RESOURCE_TYPES);
const TENANT_SCOPED: ReadonlySet<string> = new Set(["template"]);

/** Data for every type: the resolved type takes its own, or (now and then) a campaign's. */
const dataByType = fc.record({
  campaign: resourceData.campaign,
  domain: resourceData.domain,
  contact: resourceData.contact,
  template: resourceData.template,
  wrongType: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});
type DataByType = Record<ResourceType, unknown> & { readonly wrongType: boolean };
const dataFor = (t: ResourceType, d: DataByType) => (d.wrongType ? d.campaign : d[t]);

interface OnResource {
  readonly actor: ActorArgs;
  readonly resource: Pick;
  /** Now and then the id is asked of another type's service: NOT_FOUND, as an unknown id. */
  readonly otherType: number;
}
const onResourceArgs = fc.record({
  actor: actorArgs,
  resource: pick,
  otherType: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3),
});

/** A known resource (mostly of the actor's tenant) and the type it is asked for as. */
function resolveResource(a: OnResource, known: Known) {
  const actor = resolveActor(a.actor, known);
  const id = resolvePick(a.resource, known.resources, (r) => r.tenantId, actorTenant(known, actor));
  const own = known.resources.find((r) => r.id === id)?.type ?? "campaign";
  const index = RESOURCE_TYPES.indexOf(own as ResourceType);
  const asType = RESOURCE_TYPES[(index + a.otherType) % RESOURCE_TYPES.length] as ResourceType;
  return { actor, id, type: asType };
}

/** Both scopes of resources: create, get, update (with and without a version), delete, list. */
export const resourceCommands = [
  command({
    name: "resources.create",
    weight: 16,
    args: fc.record({
      actor: actorArgs,
      type,
      data: dataByType,
      workspace: pick,
      // Mostly what the type's scope wants; now and then the other way round (VALIDATION).
      scopeRight: fc.constantFrom(true, true, true, true, true, false),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const inWorkspace = TENANT_SCOPED.has(a.type) !== a.scopeRight;
      const workspaceId = inWorkspace
        ? pickWorkspace(a.workspace, known, actorTenant(known, actor))
        : undefined;
      const data = dataFor(a.type, a.data as DataByType);
      return {
        actor,
        type: a.type,
        input: { ...(workspaceId === undefined ? {} : { workspaceId }), data },
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.resources(c.type).create(c.input as never)),
    learn: (known, c, value) => {
      const made = value as Resource;
      learnResource(known, made.id, made.tenantId, c.type);
    },
  }),
  command({
    name: "resources.get",
    weight: 4,
    args: onResourceArgs,
    resolve: resolveResource,
    call: (side, c) => asActor(side, c.actor, (s) => s.resources(c.type).get(c.id)),
  }),
  command({
    name: "resources.update",
    weight: 8,
    args: fc.record({
      on: onResourceArgs,
      data: dataByType,
      expectedVersion: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    }),
    resolve: (a, known) => {
      const target = resolveResource(a.on, known);
      return {
        ...target,
        data: dataFor(target.type, a.data as DataByType),
        options:
          a.expectedVersion === undefined ? undefined : { expectedVersion: a.expectedVersion },
      };
    },
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.resources(c.type).update(c.id, c.data as never, c.options)),
  }),
  command({
    name: "resources.delete",
    weight: 4,
    args: onResourceArgs,
    resolve: resolveResource,
    call: (side, c) => asActor(side, c.actor, (s) => s.resources(c.type).delete(c.id)),
  }),
  command({
    name: "resources.list",
    weight: 4,
    args: fc.record({
      actor: actorArgs,
      type,
      workspace: fc.option(pick, { nil: undefined }),
      limit: pageLimit,
      after: fc.option(pick, { nil: undefined }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const own = actorTenant(known, actor);
      const ofType = known.resources.filter((r) => r.type === a.type);
      return {
        actor,
        type: a.type,
        query: {
          ...(a.workspace === undefined
            ? {}
            : { workspaceId: pickWorkspace(a.workspace, known, own) }),
          ...(a.limit === undefined ? {} : { limit: a.limit }),
          ...(a.after === undefined
            ? {}
            : { after: resolvePick(a.after, ofType, (r) => r.tenantId, own) }),
        },
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.resources(c.type).list(c.query)),
  }),
];
