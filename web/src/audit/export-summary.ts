import type { ExportFormat } from "./audit-search.js";

/** What an export holds, told without its rows: how many, which kinds, which positions in the chain. */
export interface ExportSummary {
  records: number;
  columns: string[];
  /** Records per kind, most frequent first. */
  kinds: [string, number][];
  firstSeq: string | null;
  lastSeq: string | null;
}

/** One CSV line's cells (the export quotes a cell holding a comma, quote or newline). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The export's records as plain objects, from either format. */
export function exportRows(text: string, format: ExportFormat): Record<string, unknown>[] {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (format === "ndjson") return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const [header, ...rows] = lines;
  const columns = header ? csvCells(header) : [];
  return rows.map((row) => Object.fromEntries(csvCells(row).map((cell, i) => [columns[i] ?? `column${i}`, cell])));
}

export function summarizeExport(text: string, format: ExportFormat): ExportSummary {
  const rows = exportRows(text, format);
  const header = format === "csv" ? text.slice(0, text.indexOf("\n")) : "";
  const columns = format === "csv" ? csvCells(header) : Object.keys(rows[0] ?? {});
  const kinds = new Map<string, number>();
  for (const row of rows) kinds.set(String(row.kind), (kinds.get(String(row.kind)) ?? 0) + 1);
  return {
    records: rows.length,
    columns,
    kinds: [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    firstSeq: rows.length > 0 ? String(rows[0]?.seq) : null,
    lastSeq: rows.length > 0 ? String(rows.at(-1)?.seq) : null,
  };
}
