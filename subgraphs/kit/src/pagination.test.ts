import "reflect-metadata";
import { describe, expect, test } from "@jest/globals";
import { decodeCursor, MAX_ROWS_SCANNED, type PageArgs, pageById } from "./pagination.js";

/** A table of `size` rows with ids r00001…, read in keyset order, counting the rows read. */
function table(size: number) {
  const rows = Array.from({ length: size }, (_, i) => ({ id: `r${String(i + 1).padStart(5, "0")}` }));
  const reads = { rows: 0 };
  const fetch = async ({ take, cursorId }: { take: number; cursorId?: string }) => {
    const page = rows.filter((row) => !cursorId || row.id > cursorId).slice(0, take);
    reads.rows += page.length;
    return page;
  };
  return { rows, fetch, reads };
}
const args = (first: number, after?: string | null): PageArgs => ({ first, after: after ?? null });

describe("pageById", () => {
  test("a page of admitted rows, refilled past the ones dropped, with a cursor after its last node", async () => {
    const { fetch } = table(50);
    const admitOdd = async (rows: { id: string }[]) => rows.filter((row) => Number(row.id.slice(1)) % 2 === 1);
    const page = await pageById(args(5), fetch, admitOdd);
    expect(page.nodes.map((n) => n.id)).toEqual(["r00001", "r00003", "r00005", "r00007", "r00009"]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toBe("r00009");
  });

  test("the last page says there is no next one", async () => {
    const { fetch } = table(3);
    expect((await pageById(args(5), fetch)).pageInfo).toEqual({ hasNextPage: false, endCursor: Buffer.from("r00003").toString("base64url") });
  });

  test("nothing admitted in a large table: at most MAX_ROWS_SCANNED rows are read, and the caller can go on from there", async () => {
    const { fetch, reads } = table(MAX_ROWS_SCANNED * 5);
    const none = async () => [];
    const page = await pageById(args(20), fetch, none);
    expect(page.nodes).toEqual([]);
    expect(reads.rows).toBeGreaterThanOrEqual(MAX_ROWS_SCANNED);
    expect(reads.rows).toBeLessThan(MAX_ROWS_SCANNED + 21);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await pageById(args(20, page.pageInfo.endCursor), fetch, none);
    expect(decodeCursor(next.pageInfo.endCursor)! > decodeCursor(page.pageInfo.endCursor)!).toBe(true);
  });

  test("a sparse list costs a few reads, not one per page's worth of rows", async () => {
    const { fetch } = table(MAX_ROWS_SCANNED * 5);
    let reads = 0;
    const counted = async (query: { take: number; cursorId?: string }) => {
      reads += 1;
      return fetch(query);
    };
    // One row in every 300 is admitted: a page of 3 needs ~900 rows read.
    const everyThreeHundredth = async (batch: { id: string }[]) => batch.filter((row) => Number(row.id.slice(1)) % 300 === 0);
    const page = await pageById(args(3), counted, everyThreeHundredth);
    expect(page.nodes.map((n) => n.id)).toEqual(["r00300", "r00600", "r00900"]);
    expect(reads).toBeLessThanOrEqual(5);
  });

  test("nothing admitted in a small table: read to its end, and no next page", async () => {
    const { fetch, reads } = table(30);
    const page = await pageById(args(20), fetch, async () => []);
    expect(reads.rows).toBe(30);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
