import type { AnyCommand } from "../command.js";
import { invitationCommands } from "./invitations.js";
import { memberCommands } from "./members.js";
import { platformCommands, provisionTenant } from "./platform.js";
import { resourceCommands } from "./resources.js";
import { scopeCommands } from "./scope.js";
import { settingsAndSubscriptionCommands } from "./settings.js";
import { workspaceCommands } from "./workspaces.js";

/**
 * Every public call of the tenancy services the campaign draws from. A new
 * call joins by adding one entry to one of these lists (see `command`).
 */
export const COMMANDS: readonly AnyCommand[] = [
  ...platformCommands,
  ...scopeCommands,
  ...memberCommands,
  ...invitationCommands,
  ...workspaceCommands,
  ...resourceCommands,
  ...settingsAndSubscriptionCommands,
];

/** Every sequence starts by provisioning, so that its other calls have something to act on. */
export const FIRST_COMMAND: AnyCommand = provisionTenant;
