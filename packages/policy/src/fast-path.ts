import type { CompiledPolicy } from "./compile.js";

type Loose = Record<string, unknown>;

/**
 * Builds the boolean check for hot paths: the same answer as `decide`, with no
 * allocation and no trace. It reads the compiled maps from the closure so each
 * call is two Map lookups, a bit test and, for members, one Set lookup.
 */
export function fastPath(policy: CompiledPolicy) {
  const { actions, roles } = policy;
  return function allows(actor: unknown, action: unknown, target: unknown): boolean {
    try {
      const compiled = actions.get(action as string);
      if (compiled === undefined) return false;
      const a = actor as Loose;
      const t = target as Loose;
      const role = roles.get(a.role as string);
      if (role === undefined) return false;
      const tenantId = a.tenantId;
      if (typeof tenantId !== "string" || tenantId === "" || tenantId !== t.tenantId) return false;
      const userId = a.userId;
      if (typeof userId !== "string" || userId === "") return false;
      const assigned = a.workspaceIds;
      if (!(assigned instanceof Set)) return false;
      if (!compiled.workspaceScoped) return (compiled.direct & role.bit) !== 0;
      const workspaceId = t.workspaceId;
      if (typeof workspaceId !== "string" || workspaceId === "") return false;
      if ((compiled.direct & role.bit) !== 0) return true;
      return (compiled.viaAssignment & role.bit) !== 0 && assigned.has(workspaceId);
    } catch {
      return false;
    }
  };
}
