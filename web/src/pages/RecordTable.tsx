import { Shown } from "../withheld/Field.js";
import type { Path, Withholdings } from "../withheld/withheld.js";

export interface Column<T> {
  label: string;
  key: keyof T & string;
}

/**
 * One agency's records about the person as a table: each cell released, WITHHELD with its
 * reason, or not recorded. A list withheld as a whole says so instead of "none".
 */
export function RecordTable<T extends { id: string }>({
  title,
  agency,
  rows,
  path,
  columns,
  withheld,
}: {
  title: string;
  agency: string;
  rows: readonly T[] | null | undefined;
  path: Path;
  columns: Column<T>[];
  withheld: Withholdings;
}) {
  const id = `section-${path.join("-")}`;
  const list = withheld.answer(rows, path);
  return (
    <section aria-labelledby={id} className="records">
      <h2 id={id}>
        {title} <span className="agency">{agency}</span>
      </h2>
      {list.state !== "value" ? (
        <p>
          <Shown answer={list} />
        </p>
      ) : list.value.length === 0 ? (
        <p>Inga / None</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.value.map((row, index) => {
              const rowAnswer = withheld.answer(row, [...path, index]);
              if (rowAnswer.state !== "value")
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a withheld record has no id to key on; the list is never reordered
                  <tr key={`withheld-${index}`}>
                    <td colSpan={columns.length}>
                      <Shown answer={rowAnswer} />
                    </td>
                  </tr>
                );
              return (
                <tr key={row.id}>
                  {columns.map((column) => (
                    <td key={column.key}>
                      <Shown answer={withheld.answer(row[column.key], [...path, index, column.key])} render={display} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** Dates as Swedish dates, booleans in words, lists joined; everything else as given. */
export function display(value: unknown): string {
  if (typeof value === "boolean") return value ? "Ja / Yes" : "Nej / No";
  if (typeof value === "string" && ISO_DATE.test(value)) return value.slice(0, 10);
  if (Array.isArray(value)) return value.map(display).join(", ");
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}
