import { z } from "zod";
import { AuditEventId, UserId } from "../ids.js";
import { JsonValue, OperatorName, TenantOwned, Timestamp } from "./common.js";

/** `member.add`, `workspace.rename`, `campaign.update`: lower-case words joined by dots. */
const AuditAction = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "must look like 'noun.verb'")
  .max(100);

/** One change in a tenant, written in the same unit of work as the change itself. */
export const AuditEvent = z.strictObject({
  tenantId: TenantOwned.shape.tenantId,
  id: AuditEventId,
  /** Who acted: a user, or null for the platform. */
  actorId: UserId.nullable(),
  /** When the platform acted: the operator the application named, or null for none. */
  operator: OperatorName.nullable(),
  action: AuditAction,
  target: z.strictObject({ type: z.string().min(1).max(63), id: z.string().min(1).max(200) }),
  before: JsonValue.nullable(),
  after: JsonValue.nullable(),
  at: Timestamp,
});
export type AuditEvent = z.infer<typeof AuditEvent>;
