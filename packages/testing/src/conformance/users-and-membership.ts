import { registerClaimTests } from "./claims.js";
import { defineGroup } from "./group.js";
import { registerMembershipTests } from "./memberships.js";
import { registerSubjectTests } from "./subjects.js";
import { registerUserTests } from "./users.js";

/** Users and claims (shared data) and memberships (tenant data), in one group of the suite. */
export const usersAndMembershipGroup = defineGroup("users and membership", (test) => {
  registerUserTests(test);
  registerSubjectTests(test);
  registerClaimTests(test);
  registerMembershipTests(test);
});
