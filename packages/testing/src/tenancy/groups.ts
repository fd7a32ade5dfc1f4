import type { ConformanceGroup } from "../conformance/group.js";
import { auditGroup } from "./audit.js";
import { entryPointsGroup } from "./entry-points.js";
import { errorsGroup } from "./errors.js";
import { eventsGroup } from "./events.js";
import { identityGroup } from "./identity.js";
import { invitationsGroup } from "./invitations.js";
import { isolationMatrixGroup } from "./isolation-matrix.js";
import { jobsAndContextGroup } from "./job-context.js";
import { memberRolesGroup } from "./member-roles.js";
import { membersGroup } from "./members.js";
import { offboardingGroup } from "./offboarding.js";
import { operationsGroup } from "./operations.js";
import { permissionsGroup } from "./permissions.js";
import { provisioningGroup } from "./provisioning.js";
import { provisioningFailuresGroup } from "./provisioning-failures.js";
import { limitRacesGroup } from "./races-limits.js";
import { membershipRacesGroup } from "./races-membership.js";
import { resourcesGroup } from "./resources.js";
import { settingsGroup } from "./settings.js";
import { storableInputGroup } from "./storable-input.js";
import { subscriptionGroup } from "./subscription.js";
import { subscriptionAccessGroup } from "./subscription-access.js";
import { workspacesGroup } from "./workspaces.js";

/** The service scenarios, registered after the port groups. */
export const TENANCY_GROUPS: readonly ConformanceGroup[] = [
  entryPointsGroup,
  identityGroup,
  jobsAndContextGroup,
  provisioningGroup,
  provisioningFailuresGroup,
  membersGroup,
  invitationsGroup,
  memberRolesGroup,
  permissionsGroup,
  workspacesGroup,
  subscriptionGroup,
  subscriptionAccessGroup,
  settingsGroup,
  resourcesGroup,
  auditGroup,
  eventsGroup,
  offboardingGroup,
  operationsGroup,
  isolationMatrixGroup,
  errorsGroup,
  storableInputGroup,
  membershipRacesGroup,
  limitRacesGroup,
];
