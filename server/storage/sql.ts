/**
 * The one way repositories talk to a database: portable SQL text with `?` placeholders and plain
 * parameters. Each engine (sqlite/, postgres/) implements it, so every query is written once.
 */
/** Bytes (a clip's part) go as a Buffer: a BLOB in SQLite, a bytea in PostgreSQL. */
export type Param = string | number | null | Buffer;
export type Row = Record<string, unknown>;

export interface Sql {
  all(text: string, params?: readonly Param[]): Promise<Row[]>;
  get(text: string, params?: readonly Param[]): Promise<Row | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: readonly Param[]): Promise<number>;
}

/** `count(*)` and `sum()` come back as numbers from SQLite and as numbers (parsed int8) from PostgreSQL. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A nullable time or count, as a number or null on both engines. */
export const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
