import { describe, expect, test } from "@jest/globals";
import { EMPTY_SEARCH, exportPath, filterOf, instantOf } from "./audit-search.js";
import { summarizeExport } from "./export-summary.js";

describe("the search form becomes the API's filter", () => {
  test("an empty form asks for everything", () => {
    expect(filterOf(EMPTY_SEARCH)).toEqual({});
  });

  test("given fields are trimmed, the time range becomes instants, the emergency choice a boolean", () => {
    const filter = filterOf({ ...EMPTY_SEARCH, actorStaffId: " cp-2001 ", decision: "ALLOW", from: "2026-12-01T10:00", to: "2026-12-01T11:30:15", emergency: "no" });
    expect(filter).toEqual({
      actorStaffId: "cp-2001",
      decision: "ALLOW",
      from: new Date("2026-12-01T10:00").toISOString(),
      to: new Date("2026-12-01T11:30:15").toISOString(),
      emergency: false,
    });
    expect(filterOf({ ...EMPTY_SEARCH, emergency: "yes" })).toEqual({ emergency: true });
  });

  test("an unreadable time is no bound rather than a wrong one", () => {
    expect(instantOf("not a time")).toBeUndefined();
    expect(filterOf({ ...EMPTY_SEARCH, from: "31/12" })).toEqual({});
  });
});

describe("the export's address and what it holds", () => {
  test("only the filters the export route reads go into its query string", () => {
    const path = exportPath({ format: "csv", actorStaffId: "cp-2001", subjectId: "", from: "2026-12-01T10:00", to: "" });
    const url = new URL(path, "http://hub");
    expect(url.pathname).toBe("/audit/export");
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: "csv", actorStaffId: "cp-2001", from: new Date("2026-12-01T10:00").toISOString() });
  });

  test("an NDJSON export is counted by kind, with its first and last position in the chain", () => {
    const text = [
      { seq: "7", kind: "ACCESS", subjectId: "p1", fieldPaths: ["person.city"] },
      { seq: "9", kind: "AUDIT_QUERY", subjectId: null, fieldPaths: ["export.ndjson"] },
      { seq: "12", kind: "ACCESS", subjectId: "p2", fieldPaths: [] },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    expect(summarizeExport(`${text}\n`, "ndjson")).toEqual({
      records: 3,
      columns: ["seq", "kind", "subjectId", "fieldPaths"],
      kinds: [
        ["ACCESS", 2],
        ["AUDIT_QUERY", 1],
      ],
      firstSeq: "7",
      lastSeq: "12",
    });
  });

  test("a CSV export's quoted cells (commas, quotes) are read as one cell each", () => {
    const csv = 'seq,kind,fieldPaths,reason\n3,ACCESS,"person.city;person.phone",\n4,REQUEST_DENIED,export,"said ""no"", twice"\n';
    const summary = summarizeExport(csv, "csv");
    expect(summary).toMatchObject({ records: 2, columns: ["seq", "kind", "fieldPaths", "reason"], firstSeq: "3", lastSeq: "4" });
    expect(summary.kinds).toEqual([
      ["ACCESS", 1],
      ["REQUEST_DENIED", 1],
    ]);
  });

  test("an empty export says so", () => {
    expect(summarizeExport("", "ndjson")).toEqual({ records: 0, columns: [], kinds: [], firstSeq: null, lastSeq: null });
  });
});
