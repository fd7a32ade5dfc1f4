/** A table: rows by primary key. Rows are frozen; a table is never mutated once committed. */
export type Table<Row> = ReadonlyMap<string, Row>;

/**
 * Copy-on-write view of a set of tables for one unit of work. Reads see the
 * committed tables until the unit first writes one, which copies it; commit
 * hands back the new set. A unit that fails is simply dropped, so it leaves
 * nothing behind, and a concurrent reader keeps its consistent snapshot.
 */
export class Draft<Tables extends { [K in keyof Tables]: Table<unknown> }> {
  readonly #base: Tables;
  readonly #changed: Partial<{ [K in keyof Tables]: Map<string, RowOf<Tables[K]>> }> = {};
  readonly #writable: boolean;

  constructor(base: Tables, writable: boolean) {
    this.#base = base;
    this.#writable = writable;
  }

  read<K extends keyof Tables>(name: K): Tables[K] {
    return (this.#changed[name] as Tables[K] | undefined) ?? this.#base[name];
  }

  /** A table to change. A read unit's draft has none to give, as a read-only transaction. */
  write<K extends keyof Tables>(name: K): Map<string, RowOf<Tables[K]>> {
    if (!this.#writable) throw new Error("A read unit of work tried to write.");
    let table = this.#changed[name];
    if (table === undefined) {
      table = new Map(this.#base[name] as ReadonlyMap<string, RowOf<Tables[K]>>);
      this.#changed[name] = table;
    }
    return table;
  }

  get dirty(): boolean {
    return Object.keys(this.#changed).length > 0;
  }

  commit(): Tables {
    return { ...this.#base, ...this.#changed };
  }
}

export type RowOf<T> = T extends Table<infer Row> ? Row : never;

/** Copies a row in and freezes it, so that callers can neither alias nor mutate stored state. */
export function stored<Row>(row: Row): Row {
  return deepFreeze(structuredClone(row));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
