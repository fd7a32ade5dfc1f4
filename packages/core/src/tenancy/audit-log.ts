import { ok, type ResultAsync, safeTry } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { AuditEvent } from "../model/audit.js";
import { type Page, PageRequest } from "../model/page.js";
import { parseWith } from "../parse.js";
import type { TenancyEnv } from "./env.js";
import { runScoped, type ScopeIdentity } from "./scoped.js";

/** The tenant's audit log: owners and admins page through their own tenant's events. */
export interface AuditLogService {
  /** Events oldest first; pass `next` as `after` for the following page. */
  list(page?: PageRequest): ResultAsync<Page<AuditEvent>, RookeryError>;
}

export function auditLogService(env: TenancyEnv, who: ScopeIdentity): AuditLogService {
  return {
    list: (raw = {}) =>
      safeTry(async function* () {
        const page = yield* parseWith(PageRequest, raw, "page");
        return runScoped(env, who, "read", (s) =>
          safeTry(async function* () {
            yield* s.env.authorizer.authorize(s.actor, "audit.read", { tenantId: s.unit.tenantId });
            return ok(yield* s.unit.audit.list(page));
          }),
        );
      }),
  };
}
