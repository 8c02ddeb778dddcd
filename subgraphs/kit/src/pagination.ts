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

/**
 * Keyset page over rows ordered by id: fetch one row more than asked to learn whether a next
 * page exists, without counting. `admit` drops rows the actor may not find through the filter
 * used (see PolicyContext.admit); the page is then refilled, so its size reveals nothing either.
 */
export async function pageById<T extends { id: string }>(
  args: PageArgs,
  fetch: (query: { take: number; cursorId?: string }) => Promise<T[]>,
  admit?: (rows: T[]) => Promise<T[]>,
): Promise<{ nodes: T[]; pageInfo: PageInfo }> {
  const wanted = args.first + 1;
  const kept: T[] = [];
  let cursorId = decodeCursor(args.after);
  for (;;) {
    const batch = await fetch({ take: wanted, ...(cursorId ? { cursorId } : {}) });
    kept.push(...(admit ? await admit(batch) : batch));
    if (kept.length >= wanted || batch.length < wanted) break;
    cursorId = batch.at(-1)?.id;
  }
  const nodes = kept.slice(0, args.first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: kept.length > args.first,
      endCursor: last ? Buffer.from(last.id).toString("base64url") : null,
    },
  };
}
