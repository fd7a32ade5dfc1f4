import type { z } from "zod";
import { WorkspaceId } from "../ids.js";
import { JsonObject, TenantOwned } from "./common.js";

/**
 * Company-wide settings. The values are validated by the application's
 * settings schema in the services; the store keeps them as JSON.
 */
export const TenantSettings = TenantOwned.extend({ values: JsonObject });
export type TenantSettings = z.infer<typeof TenantSettings>;

/** A workspace's overrides of the keys the application lets a workspace override. */
export const WorkspaceSettings = TenantOwned.extend({
  workspaceId: WorkspaceId,
  values: JsonObject,
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;
