import { createHash } from "node:crypto";

const names = new Map<string, string>();

/**
 * A stable name for one of Rookery's own statements, so the server parses
 * and plans it once per connection and `pg` sends only its parameters
 * afterwards: the tenant context, the actor and the row a call reads then
 * cost an execution each, not a parse and a plan (with row security's
 * predicates) each. Named by the text's hash, so two texts never share a name.
 */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `rookery_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
