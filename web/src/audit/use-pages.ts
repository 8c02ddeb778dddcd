import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useRef, useState } from "react";
import { execute, type GraphQLErrorShape, HttpError } from "../graphql/client.js";
import { useSession } from "../session-context.js";

interface Page<R> {
  nodes: R[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export type Pages<R> =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "failed"; error: GraphQLErrorShape }
  | { state: "done"; rows: R[]; next: string | null; more: "idle" | "loading" };

const errorOf = (failure: unknown): GraphQLErrorShape =>
  failure instanceof HttpError
    ? { message: failure.message, extensions: failure.code ? { code: failure.code } : {} }
    : { message: failure instanceof Error ? failure.message : String(failure) };

/**
 * A keyset-paged list the auditor asks for: nothing runs until `search`; `more` appends the next
 * page after the last cursor. An answer to an earlier search is dropped when a newer one is asked.
 */
export function usePages<T, V extends { first: number; after?: string | null }, R>(document: TypedDocumentNode<T, V>, pageOf: (data: T) => Page<R>) {
  const { config, user } = useSession();
  const [pages, setPages] = useState<Pages<R>>({ state: "idle" });
  const asked = useRef<{ round: number; variables: V | null }>({ round: 0, variables: null });

  const load = useCallback(
    async (variables: V, append: R[] | null) => {
      const round = ++asked.current.round;
      asked.current.variables = variables;
      try {
        const result = await execute(config.graphqlPath, user.access_token, document, variables);
        if (round !== asked.current.round) return;
        const error = result.errors[0];
        if (!result.data || error) {
          setPages({ state: "failed", error: error ?? { message: "No answer." } });
          return;
        }
        const page = pageOf(result.data);
        setPages({ state: "done", rows: [...(append ?? []), ...page.nodes], next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null, more: "idle" });
      } catch (failure) {
        if (round === asked.current.round) setPages({ state: "failed", error: errorOf(failure) });
      }
    },
    [config.graphqlPath, user.access_token, document, pageOf],
  );

  const search = useCallback(
    (variables: V) => {
      setPages({ state: "loading" });
      void load({ ...variables, after: null }, null);
    },
    [load],
  );

  const more = useCallback(() => {
    if (pages.state !== "done" || !pages.next || !asked.current.variables) return;
    setPages({ ...pages, more: "loading" });
    void load({ ...asked.current.variables, after: pages.next }, pages.rows);
  }, [load, pages]);

  return { pages, search, more };
}
