import { Map as PersistentMap } from "immutable";

/**
 * A table: rows by primary key, as a persistent map. A committed table is
 * never changed: a write makes a new table that shares all but the changed
 * path with the old one, so a unit's first write costs what one row costs,
 * not a copy of the whole table, and a reader that holds the old table keeps
 * its snapshot. Rows are frozen. Iteration order is not insertion order:
 * whoever needs an order sorts.
 */
export type Table<Row> = PersistentMap<string, Row>;

/** An empty table. */
export const emptyTable = <Row>(): Table<Row> => PersistentMap<string, Row>();

/** A table of these rows. */
export const tableOf = <Row>(rows: Iterable<readonly [string, Row]>): Table<Row> =>
  PersistentMap<string, Row>(rows as Iterable<[string, Row]>);

/** A unit's changes to one table, read and written like a `Map`. */
export class TableDraft<Row> {
  #table: Table<Row>;

  constructor(table: Table<Row>) {
    this.#table = table;
  }

  /** The table with the unit's changes so far. */
  get table(): Table<Row> {
    return this.#table;
  }

  get(key: string): Row | undefined {
    return this.#table.get(key);
  }

  has(key: string): boolean {
    return this.#table.has(key);
  }

  get size(): number {
    return this.#table.size;
  }

  values(): IterableIterator<Row> {
    return this.#table.values();
  }

  set(key: string, row: Row): this {
    this.#table = this.#table.set(key, row);
    return this;
  }

  /** The rows as `[key, row]`, as the table was when iteration began (deleting meanwhile is safe). */
  [Symbol.iterator](): IterableIterator<[string, Row]> {
    return this.#table.entries();
  }

  clear(): void {
    this.#table = this.#table.clear();
  }

  /** Removes the row; answers whether there was one, as `Map.delete` does. */
  delete(key: string): boolean {
    const had = this.#table.has(key);
    this.#table = this.#table.delete(key);
    return had;
  }
}

/**
 * One unit of work's view of a set of tables. Reads see the committed
 * tables until the unit writes one; commit hands back the new set. A unit
 * that fails is simply dropped, so it leaves nothing behind, and a
 * concurrent reader keeps its consistent snapshot.
 */
export class Draft<Tables extends { [K in keyof Tables]: Table<unknown> }> {
  readonly #base: Tables;
  readonly #changed: Partial<{ [K in keyof Tables]: TableDraft<RowOf<Tables[K]>> }> = {};
  readonly #writable: boolean;

  constructor(base: Tables, writable: boolean) {
    this.#base = base;
    this.#writable = writable;
  }

  read<K extends keyof Tables>(name: K): Tables[K] {
    return (this.#changed[name]?.table as Tables[K] | undefined) ?? this.#base[name];
  }

  /** A table to change. A read unit's draft has none to give, as a read-only transaction. */
  write<K extends keyof Tables>(name: K): TableDraft<RowOf<Tables[K]>> {
    if (!this.#writable) throw new Error("A read unit of work tried to write.");
    let table = this.#changed[name];
    if (table === undefined) {
      table = new TableDraft(this.#base[name] as Table<RowOf<Tables[K]>>);
      this.#changed[name] = table;
    }
    return table;
  }

  get dirty(): boolean {
    return Object.keys(this.#changed).length > 0;
  }

  commit(): Tables {
    const tables = { ...this.#base };
    for (const name of Object.keys(this.#changed) as (keyof Tables)[]) {
      const changed = this.#changed[name];
      if (changed !== undefined) tables[name] = changed.table as Tables[typeof name];
    }
    return tables;
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
