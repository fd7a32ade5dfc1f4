/**
 * `text` with the password of every connection string in it replaced by
 * `***`: URL userinfo (`postgres://user:secret@host`, up to the last `@`
 * before a blank, since an unencoded password may itself hold one) and
 * keyword form (`password=secret`). For every message that may quote a
 * connection string: a URL that fails to parse is quoted whole by Node.
 */
export function redactConnectionStrings(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)\S*@/gi, "$1***@")
    .replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, "$1***");
}
