/**
 * The span attributes Rookery sets, one name each, so that dashboards and
 * queries can rely on them. `rookery.tenant_id` is on every span that
 * belongs to one tenant: the scope's calls and the tenant units of work.
 */
export const RookeryAttributes = {
  /** The call as application code writes it: `scope.members.add`, `scope.resources("campaign").get`. */
  CALL: "rookery.call",
  TENANT_ID: "rookery.tenant_id",
  USER_ID: "rookery.user_id",
  /** The resource type of a `scope.resources(type)` call. */
  RESOURCE_TYPE: "rookery.resource_type",
  /** `tenant` (one tenant's data) or `platform` (shared data: tenants, users, claims). */
  UNIT_KIND: "rookery.unit.kind",
  /** `read` or `write`, as the call declared its unit of work. */
  UNIT_INTENT: "rookery.unit.intent",
  /** The RookeryError code of a failed call or unit (`FORBIDDEN`, `NOT_FOUND`, ...). */
  ERROR_CODE: "rookery.error_code",
} as const;
