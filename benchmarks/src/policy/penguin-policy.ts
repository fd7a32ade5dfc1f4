import { tenancyPolicy } from "@rookery/policy";

/** The policy every engine is measured on: the tenancy table over PenguinMails' resource types. */
export const penguinPolicy = tenancyPolicy({
  resources: {
    campaign: "workspace",
    domain: "workspace",
    contact: "workspace",
    template: "tenant",
  },
});
export type PenguinPolicyDefinition = (typeof penguinPolicy)["definition"];
