import { badUserInput } from "@skyddsnat/schema";
import { Max, Min } from "class-validator";
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { Classified } from "./classified.js";

@Directive("@shareable")
@ObjectType({ description: "Keyset pagination state. There is deliberately no total count: counts are oracles." })
export class PageInfo {
  @Classified("REFERENCE")
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Classified("REFERENCE")
  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ArgsType()
export class PageArgs {
  @Min(1)
  @Max(100)
  @Field(() => Int, { defaultValue: 20 })
  first = 20;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass {
    @Classified("REFERENCE")
    @Field(() => [node])
    nodes!: T[];

    @Classified("REFERENCE")
    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** Cursors are opaque: base64url of the last row's id, decoded strictly. */
export function decodeCursor(after: string | null | undefined): string | undefined {
  if (after === undefined || after === null) return undefined;
  const id = Buffer.from(after, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw badUserInput("`after` is not a cursor from this list.", "after");
  return id;
}

/** How many rows one page may read to fill itself with admitted ones: a bound on the work a caller can cause. */
export const MAX_ROWS_SCANNED = 1000;

/** How much larger each refill of a page is than the read before it. */
const REFILL_GROWTH = 4;

/**
 * Keyset page over rows ordered by id: fetch one row more than asked to learn whether a next
 * page exists, without counting. `admit` drops rows the actor may not find or know exist (see
 * PolicyContext.admit and existing); the page is then refilled, so its size reveals nothing
 * either — up to MAX_ROWS_SCANNED rows read. A page that reached the bound says so the way any
 * page does: hasNextPage, and a cursor after the last row read (an opaque id of no person), so
 * the caller continues where it stopped instead of the hub scanning a whole table at once.
 */
export async function pageById<T extends { id: string }>(
  args: PageArgs,
  fetch: (query: { take: number; cursorId?: string }) => Promise<T[]>,
  admit?: (rows: T[]) => Promise<T[]>,
): Promise<{ nodes: T[]; pageInfo: PageInfo }> {
  const wanted = args.first + 1;
  const kept: T[] = [];
  let cursorId = decodeCursor(args.after);
  let scanned = 0;
  let exhausted = false;
  // The first read asks for the page; each refill for four times the one before, so a sparse
  // list costs a few statements (at most five up to MAX_ROWS_SCANNED), not one per page's worth.
  for (let take = wanted; ; take *= REFILL_GROWTH) {
    const asked = Math.min(take, MAX_ROWS_SCANNED - scanned);
    const batch = await fetch({ take: asked, ...(cursorId ? { cursorId } : {}) });
    scanned += batch.length;
    kept.push(...(admit ? await admit(batch) : batch));
    cursorId = batch.at(-1)?.id ?? cursorId;
    if (batch.length < asked) exhausted = true;
    if (kept.length >= wanted || exhausted || scanned >= MAX_ROWS_SCANNED) break;
  }
  const nodes = kept.slice(0, args.first);
  const full = kept.length > args.first;
  // Stopped at the bound with the page not full: continue after the last row read.
  const last = full ? nodes.at(-1)?.id : exhausted ? nodes.at(-1)?.id : cursorId;
  return {
    nodes,
    pageInfo: {
      hasNextPage: full || !exhausted,
      endCursor: last ? Buffer.from(last).toString("base64url") : null,
    },
  };
}
