import fc from "fast-check";

/**
 * Domain values for the differential sequences: mostly valid, from small sets
 * so that names and e-mails collide (CONFLICT), with a share of invalid ones
 * (VALIDATION) mixed in. Hostile values are the hostile suite's business.
 */
function mostly<T>(valid: fc.Arbitrary<T>, ...invalid: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom(...invalid) },
  );
}

export const workspaceName = mostly(
  fc.constantFrom("Outreach", "Newsletters", "Acme Client", "  Globex  ", "Initech", "Ünïcode 🐧"),
  "",
  " ",
);

export const tenantName = mostly(fc.constantFrom("Penguin Corp", "Krill Inc", "Auk & Co"), " ");

export const personName = fc.option(fc.constantFrom("Pat", "Ada", "Max", "Mia", "Sam"), {
  nil: undefined,
});

/** Few people, so that one person is often asked for by two tenants. */
export const email = fc
  .tuple(fc.nat(11), fc.boolean())
  .map(([n, shout]) => (shout ? `P${n}@Penguin.Example` : `p${n}@penguin.example`));

export const plan = mostly(fc.constantFrom("starter", "growth", "growth"), "enterprise", "Growth");

export const role = mostly(fc.constantFrom("admin", "member", "member"), "owner", "boss");

export const subscriptionStatus = mostly(
  fc.constantFrom("trialing", "active", "past_due", "canceled"),
  "frozen",
);

export const idempotencyKey = fc.option(fc.constantFrom("signup-key-0001", "signup-key-0002"), {
  nil: undefined,
});

export const pageLimit = fc.option(fc.constantFrom(1, 2, 3, 50), { nil: undefined });

/** A settings patch: keys of the schema, overridable or not, good and bad values, unknown keys. */
export const settingsPatch = fc.oneof(
  fc.record({ timezone: mostly(fc.constantFrom("UTC", "Europe/Oslo"), "") }),
  fc.record({ signature: mostly(fc.constantFrom("", "— The team"), "x".repeat(501)) }),
  fc.record({ trackOpens: mostly(fc.boolean(), "yes" as unknown as boolean) }),
  fc.record({
    sendingWindow: fc.record({
      start: mostly(fc.constantFrom(0, 9), 24),
      end: fc.constantFrom(1, 17, 24),
    }),
  }),
  fc.record({ signature: fc.constant("Hi"), trackOpens: fc.boolean() }),
  fc.constant({ colour: "blue" }),
  fc.constant({}),
);

/** Data for each PenguinMails resource type, now and then invalid. */
export const resourceData = {
  campaign: fc.record({
    subject: mostly(fc.constantFrom("Spring sale", "Launch week"), ""),
    status: mostly(fc.constantFrom("draft", "scheduled", "sent"), "lost"),
  }),
  domain: fc.record({
    hostname: mostly(fc.constantFrom("mail.penguin.example", "news.krill.example"), "x"),
    verified: fc.boolean(),
  }),
  contact: fc.record({
    email: mostly(fc.constant("buyer@client.example"), "not-an-email"),
    name: fc.constantFrom("Bea Buyer", ""),
  }),
  template: fc.record({
    name: mostly(fc.constantFrom("Newsletter", "Welcome"), ""),
    html: fc.constantFrom("<p>Hello</p>", "", "<h1>Hi</h1>"),
  }),
};

export const RESOURCE_TYPES = ["campaign", "domain", "contact", "template"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
