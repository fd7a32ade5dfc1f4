/**
 * The ids a sequence has seen so far, learnt from the answers of its calls.
 * Commands name what they act on by position in these lists, so one drawn
 * sequence resolves to the same concrete calls on every adapter (their
 * answers are compared before anything is learnt from them).
 */
interface KnownUser {
  readonly id: string;
  /** The tenant the user was last seen joining; null once seen leaving. Only steers picks. */
  tenantId: string | null;
}

interface KnownWorkspace {
  readonly id: string;
  readonly tenantId: string;
}

interface KnownResource {
  readonly id: string;
  readonly tenantId: string;
  readonly type: string;
}

interface KnownInvitation {
  readonly id: string;
  readonly tenantId: string;
}

export interface Known {
  readonly tenants: string[];
  readonly users: KnownUser[];
  readonly workspaces: KnownWorkspace[];
  readonly resources: KnownResource[];
  readonly tokens: string[];
  /** Invitations by id: each side keeps its own token for them (tokens are random). */
  readonly invitations: KnownInvitation[];
}

export function emptyKnown(): Known {
  return { tenants: [], users: [], workspaces: [], resources: [], tokens: [], invitations: [] };
}

/** Well-formed ids that name nothing in any store: never made by `sequentialIds`. */
export const ABSENT_IDS = [
  "00000000-0000-7000-8000-00000000dead",
  "0b7e3a4c-5d6f-4a1b-9c8d-7e6f5a4b3c2d",
] as const;

export function learnUser(known: Known, id: string, tenantId: string | null): void {
  const found = known.users.find((u) => u.id === id);
  if (found === undefined) known.users.push({ id, tenantId });
  else found.tenantId = tenantId;
}

export function learnTenant(known: Known, id: string): void {
  if (!known.tenants.includes(id)) known.tenants.push(id);
}

export function learnWorkspace(known: Known, id: string, tenantId: string): void {
  if (!known.workspaces.some((w) => w.id === id)) known.workspaces.push({ id, tenantId });
}

export function learnResource(known: Known, id: string, tenantId: string, type: string): void {
  if (!known.resources.some((r) => r.id === id)) known.resources.push({ id, tenantId, type });
}

export function learnInvitation(known: Known, id: string, tenantId: string): void {
  if (!known.invitations.some((i) => i.id === id)) known.invitations.push({ id, tenantId });
}
