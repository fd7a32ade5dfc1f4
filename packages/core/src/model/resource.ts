import { z } from "zod";
import { ResourceId, UserId, WorkspaceId } from "../ids.js";
import { JsonObject, Slug, TenantOwned, Timestamp } from "./common.js";

/**
 * Where a resource type lives: inside one workspace (seen by its assignees
 * and by admins) or shared by the whole tenant.
 */
export const ResourceScope = z.enum(["workspace", "tenant"]);
export type ResourceScope = z.infer<typeof ResourceScope>;

/** An application object (campaign, domain, template, contact, ...) stored as JSON. */
export const Resource = TenantOwned.extend({
  id: ResourceId,
  type: Slug,
  /** The workspace of a workspace-scoped resource; null for a tenant-scoped one. */
  workspaceId: WorkspaceId.nullable(),
  data: JsonObject,
  /** Starts at 1 and grows by one with every update, for optimistic concurrency. */
  version: z.number().int().min(1),
  createdBy: UserId.nullable(),
});
export type Resource = z.infer<typeof Resource>;

/** What an adapter's `resources.update` receives: the new data, when, and the version expected. */
export const ResourceUpdate = z.strictObject({
  data: JsonObject,
  updatedAt: Timestamp,
  /** When given, the update succeeds only if the stored version still equals it. */
  expectedVersion: z.number().int().min(1).optional(),
});
/** What an adapter's `resources.update` receives: the new data, when, and the version expected. */
export type ResourceUpdate = z.infer<typeof ResourceUpdate>;
