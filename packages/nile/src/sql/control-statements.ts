/**
 * The application's statements run inside Rookery's transaction, so the ones
 * that end it, open a savepoint it could roll back to, or leave state on the
 * session are refused before they are sent. This is a lexer for the first
 * words of a statement, not a SQL parser: what it cannot see (a function that
 * changes a setting, say) is caught by the check that follows every
 * application statement.
 */

/** Leading keywords refused whatever follows them. */
const REFUSED = new Set([
  // Transaction control: the unit's transaction is Rookery's to end.
  "begin",
  "start",
  "commit",
  "end",
  "rollback",
  "abort",
  "savepoint",
  "release",
  // Session state that outlives the transaction.
  "prepare",
  "deallocate",
  "reset",
  "discard",
  "listen",
  "unlisten",
  "load",
  // A block of many statements in one call.
  "do",
]);

/** `ALTER <what>` that changes settings of every later session. */
const REFUSED_ALTER = new Set(["role", "user", "group", "database", "system"]);

/** Setting namespaces that hold the unit's own context. */
const RESERVED_NAMESPACES = new Set(["nile", "rookery"]);

/**
 * Why `text` may not run as an application statement, or null when it may.
 * Refused: transaction control, session state (`SET`, `RESET`, `DISCARD`,
 * `LISTEN`, `PREPARE`, ...), `DO` blocks, and `ALTER ROLE | USER | DATABASE
 * | SYSTEM`. Allowed among `SET`s: `SET CONSTRAINTS` and `SET LOCAL` of an
 * application's own dotted setting (`SET LOCAL app.region = 'eu'`), both of
 * which end with the transaction.
 */
export function refusedStatement(text: string): string | null {
  const words = leadingWords(text, 4);
  const [first, second, third] = words;
  if (first === undefined) return null;
  if (REFUSED.has(first)) return first.toUpperCase();
  if (first === "alter" && second !== undefined && REFUSED_ALTER.has(second)) {
    return `ALTER ${second.toUpperCase()}`;
  }
  if (first !== "set") return null;
  if (second === "constraints") return null;
  // Setting names are case-insensitive, quoted or not.
  if (second === "local" && third !== undefined && words[3] === ".") {
    const namespace = third.replace(/^"/, "");
    return RESERVED_NAMESPACES.has(namespace.toLowerCase()) ? `SET LOCAL ${namespace}.*` : null;
  }
  return "SET";
}

/**
 * The first `count` tokens of `text` as PostgreSQL's lexer would see them:
 * whitespace, `--` and nested block comments and empty statements (a leading
 * `;` is one) skipped; unquoted words folded to lower case; quoted
 * identifiers kept as written behind one `"`, so that none reads as a
 * keyword; any other character is a token of its own.
 */
export function leadingWords(text: string, count: number): string[] {
  const words: string[] = [];
  let i = 0;
  while (words.length < count && i < text.length) {
    const skipped = skipIgnorable(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const ch = text.charAt(i);
    if (ch === '"') {
      const [word, next] = quotedIdentifier(text, i);
      words.push(word);
      i = next;
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < text.length && isWordPart(text.charAt(j))) j++;
      words.push(text.slice(i, j).toLowerCase());
      i = j;
    } else {
      words.push(ch);
      i++;
    }
  }
  return words;
}

// More than PostgreSQL treats as blank is skipped on purpose: a character it
// would not skip makes the statement one it refuses to parse anyway.
function skipIgnorable(text: string, start: number): number {
  const ch = text.charAt(start);
  if (/\s/.test(ch) || ch === ";") return start + 1;
  if (text.startsWith("--", start)) {
    const end = text.slice(start).search(/[\n\r]/);
    return end === -1 ? text.length : start + end + 1;
  }
  if (text.startsWith("/*", start)) return blockCommentEnd(text, start);
  return start;
}

/** Block comments nest in PostgreSQL; an unterminated one runs to the end. */
function blockCommentEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (text.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text.length;
}

function quotedIdentifier(text: string, start: number): [string, number] {
  let word = '"';
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"') {
      if (text.charAt(i + 1) !== '"') return [word, i + 1];
      word += '"';
      i += 2;
    } else {
      word += ch;
      i++;
    }
  }
  return [word, i];
}

const isWordStart = (ch: string) => /[A-Za-z_\u0080-\uffff]/.test(ch);
const isWordPart = (ch: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
