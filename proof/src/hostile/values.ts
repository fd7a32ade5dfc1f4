/**
 * The hostile values, each with a label. A value may depend on what the slot
 * holds when the call is valid (`current`), so that "the same id, spelt
 * otherwise" and "another tenant's id of the same kind" are real ids of the
 * world. `undefined` from `make` means "does not apply to this slot".
 */
export interface Hostile {
  readonly label: string;
  /** The kind of value: the known-bugs table matches on it. */
  readonly kind: HostileKind;
  make(current: unknown, foreign: (id: string) => string | undefined): unknown;
}

export type HostileKind =
  | "text"
  | "number"
  | "id"
  | "type"
  | "object"
  | "throwing-getter"
  | "proxy"
  | "cyclic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isId = (v: unknown): v is string => typeof v === "string" && UUID.test(v);
const MB = 1_048_576;

const text = (label: string, value: string): Hostile => ({
  label,
  kind: "text",
  make: () => value,
});
const num = (label: string, value: unknown): Hostile => ({
  label,
  kind: "number",
  make: () => value,
});
const spelling = (label: string, respell: (id: string) => string): Hostile => ({
  label,
  kind: "id",
  make: (current) => (isId(current) ? respell(current) : undefined),
});
const type = (label: string, value: unknown): Hostile => ({
  label,
  kind: "type",
  make: () => value,
});

/** A valid object of the slot, with something added that must not change the answer's kind. */
const objectWith = (label: string, add: (o: Record<string, unknown>) => unknown): Hostile => ({
  label,
  kind: "object",
  make: (current) =>
    typeof current === "object" && current !== null && !Array.isArray(current)
      ? add({ ...(current as Record<string, unknown>) })
      : undefined,
});

function throwingGetter(): Hostile {
  return {
    label: "an object whose every field is a getter that throws",
    kind: "throwing-getter",
    make: (current) => {
      const keys =
        typeof current === "object" && current !== null ? Object.keys(current) : ["name"];
      const target = {};
      for (const key of keys.length > 0 ? keys : ["name"]) {
        Object.defineProperty(target, key, {
          enumerable: true,
          get() {
            throw new Error(`getter ${key} was read`);
          },
        });
      }
      return target;
    },
  };
}

const throwingProxy = (): unknown =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error("proxy get");
      },
      has: () => {
        throw new Error("proxy has");
      },
      ownKeys: () => {
        throw new Error("proxy ownKeys");
      },
      getOwnPropertyDescriptor: () => {
        throw new Error("proxy getOwnPropertyDescriptor");
      },
      getPrototypeOf: () => {
        throw new Error("proxy getPrototypeOf");
      },
    },
  );

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { name: "loop" };
  o.self = o;
  o.data = o;
  return o;
}

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

export const HOSTILE_VALUES: readonly Hostile[] = [
  text("SQL: quote and DROP", "Robert'); DROP TABLE tenants; --"),
  text("SQL: tautology", "' OR '1'='1"),
  text("SQL: placeholders and comments", "$1 $2 \\ ; -- /* */ %s %I $$x"),
  text("SQL: a uuid-looking injection", "00000000-0000-0000-0000-000000000000' OR '1'='1"),
  text("RTL override", "\u202Eevil\u202C.exe"),
  text("Arabic and Hebrew", "مرحبا שלום"),
  text("zero-width and BOM", "a\u200Bb\u200C\u200D\uFEFF"),
  text("emoji with joiners", "🐧👨‍👩‍👧‍👦🏳️‍🌈"),
  text("combining marks", "e\u0301\u0301\u0301"),
  text("control characters", "\r\n\t\b\f\u0007"),
  text("a lone high surrogate", "x\uD800y"),
  text("a lone low surrogate", "\uDFFF"),
  text("NUL", "a\u0000b"),
  text("a prototype key: __proto__", "__proto__"),
  text("a prototype key: constructor", "constructor"),
  text("a prototype key: toString", "toString"),
  text("empty", ""),
  text("blank", "   "),
  text("201 characters", "n".repeat(201)),
  text("1 MB of text", "x".repeat(MB)),
  text("1 MB of emoji", "🐧".repeat(MB / 4)),
  num("-1", -1),
  num("0", 0),
  num("-0", -0),
  num("1.5", 1.5),
  num("NaN", Number.NaN),
  num("Infinity", Number.POSITIVE_INFINITY),
  num("-Infinity", Number.NEGATIVE_INFINITY),
  num("2^53 + 2", 2 ** 53 + 2),
  num("1e308", 1e308),
  num("2^31", 2 ** 31),
  num("a bigint", 10n),
  spelling("the id in upper case", (id) => id.toUpperCase()),
  spelling("the id in braces", (id) => `{${id}}`),
  spelling("the id without dashes", (id) => id.replaceAll("-", "")),
  spelling("the id as a URN", (id) => `urn:uuid:${id}`),
  spelling("the id with spaces around", (id) => ` ${id} `),
  {
    label: "another tenant's id of the same kind",
    kind: "id",
    make: (current, foreign) => (isId(current) ? foreign(current) : undefined),
  },
  text("not a uuid", "not-a-uuid"),
  text("the nil uuid", "00000000-0000-0000-0000-000000000000"),
  text("the max uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
  type("undefined", undefined),
  type("null", null),
  type("true", true),
  type("an array", ["a", 1]),
  type("an empty object", {}),
  type("a symbol", Symbol("hostile")),
  type("a function", () => "x"),
  type("a Date", new Date(0)),
  type("an object with a throwing toString", {
    toString: () => {
      throw new Error("toString");
    },
  }),
  type("an object without prototype", Object.create(null)),
  objectWith("an extra key", (o) => ({ ...o, extra: "key" })),
  objectWith("a __proto__ own key", (o) =>
    Object.assign(JSON.parse('{"__proto__": {"admin": true}}'), o),
  ),
  objectWith("a constructor key", (o) => ({
    ...o,
    ...JSON.parse('{"constructor": {"prototype": {"admin": true}}}'),
  })),
  throwingGetter(),
  { label: "a proxy whose every trap throws", kind: "proxy", make: throwingProxy },
  {
    label: "a transparent proxy of the valid value",
    kind: "proxy",
    make: (current) =>
      typeof current === "object" && current !== null ? new Proxy(current, {}) : undefined,
  },
  { label: "a cyclic object", kind: "cyclic", make: cyclic },
  { label: "an array nested 10,000 deep", kind: "cyclic", make: () => deepArray(10_000) },
];
