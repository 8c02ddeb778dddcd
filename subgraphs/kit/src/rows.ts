import { ColumnTypeEnum, type SqlDriverAdapterFactory, type SqlQueryable, type SqlResultSet } from "@prisma/driver-adapter-utils";

/**
 * The read path of the loaders a client view runs on every request (person, cases, tenancies…):
 * one statement through the agency's own driver adapter — the connections, schema binding and
 * statement meter Prisma's client uses — with the rows decoded as the client decodes them.
 *
 * Why not the client: each findMany costs about 0.4 ms of CPU in Prisma's client on top of the
 * driver's own 0.1 ms (query serialisation, plan cache, interpretation, result mapping; measured
 * in the README's benchmark section), and a client view makes a handful per subgraph. Writes,
 * transactions and every other read stay on the client. The row types still come from Prisma's
 * generated models, and test/src/read-path.test.ts holds each loader on this path to the rows
 * Prisma's findMany answers for the same keys, on PostgreSQL and on PGlite. What this path does
 * not do, so keep such reads on the client: translate enum values renamed with @map (the Agency
 * enum's), decimals and big integers (refused below), or anything inside a transaction.
 */
export interface RowReader {
  /** Rows of one SELECT; `?` placeholders are not used: pass `$1…` in `sql` and the values in `args`. */
  rows<Row>(sql: string, args: readonly string[]): Promise<Row[]>;
  /** `"<schema>"."<table>"`: the agency's table, qualified as Prisma qualifies it. */
  table(name: string): string;
}

/** `$1, $2, …` for `count` values after `offset` (an IN list as Prisma writes one). */
export const placeholders = (count: number, offset = 0): string => Array.from({ length: count }, (_, i) => `$${i + offset + 1}`).join(", ");

const quoted = (identifier: string): string => {
  // Identifiers here are the code's own (schema and model names), never input: refuse anything odd.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`not an identifier: ${identifier}`);
  return `"${identifier}"`;
};

/** One column's value as Prisma's client gives it for that column type. */
function decodeValue(value: unknown, type: number, column: string): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Text:
    case ColumnTypeEnum.Character:
    case ColumnTypeEnum.Enum:
    case ColumnTypeEnum.Uuid:
    case ColumnTypeEnum.Boolean:
    case ColumnTypeEnum.Int32:
    case ColumnTypeEnum.Float:
    case ColumnTypeEnum.Double:
      return value;
    // The adapters return `YYYY-MM-DD`; Prisma gives a @db.Date as that day's UTC midnight.
    case ColumnTypeEnum.Date:
      return new Date(`${String(value)}T00:00:00.000Z`);
    case ColumnTypeEnum.DateTime:
      return new Date(String(value));
    case ColumnTypeEnum.Json:
      return typeof value === "string" ? JSON.parse(value) : value;
    case ColumnTypeEnum.TextArray:
    case ColumnTypeEnum.EnumArray:
      return value;
    default:
      // A type this decoder does not know would be answered differently from Prisma: refuse it.
      throw new Error(`rows: column ${column} has a type the read path does not decode (${type})`);
  }
}

/**
 * The rows of a result set as objects; a column named `relation.field` lands in a nested object
 * (`{ relation: { field } }`), as Prisma's `include`/`select` of a relation gives it.
 */
export function decodeRows(result: SqlResultSet): Record<string, unknown>[] {
  const columns = result.columnNames.map((name, i) => ({ path: name.split("."), type: result.columnTypes[i] ?? -1, name }));
  return result.rows.map((values) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      let target = row;
      for (const key of column.path.slice(0, -1)) {
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
      target[column.path.at(-1) as string] = decodeValue(values[i], column.type, column.name);
    });
    return row;
  });
}

/** Every argument is a text value (ids): the adapters map them as Prisma's own string arguments. */
const TEXT_ARGUMENT = { scalarType: "string", arity: "scalar" } as const;

export function rowReaderOver(queryable: SqlQueryable, schema: string): RowReader {
  return {
    async rows<Row>(sql: string, args: readonly string[]) {
      const result = await queryable.queryRaw({ sql, args: [...args], argTypes: args.map(() => TEXT_ARGUMENT) });
      return decodeRows(result) as Row[];
    },
    table: (name) => `${quoted(schema)}.${quoted(name)}`,
  };
}

/** A reader on the factory's own connections (the pool or the embedded database Prisma's client is given). */
export async function openRowReader(factory: SqlDriverAdapterFactory, schema: string): Promise<RowReader & { close(): Promise<void> }> {
  const adapter = await factory.connect();
  return Object.assign(rowReaderOver(adapter, schema), { close: () => adapter.dispose() });
}
