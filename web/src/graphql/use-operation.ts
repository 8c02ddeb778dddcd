import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useCallback, useEffect, useState } from "react";
import { useSession } from "../session-context.js";
import { execute, type GraphQLResult, HttpError } from "./client.js";

export type Loaded<T> = { state: "loading" } | { state: "failed"; code?: string; message: string } | { state: "done"; result: GraphQLResult<T> };

const failed = (error: unknown): Loaded<never> =>
  error instanceof HttpError
    ? { state: "failed", code: error.code, message: error.message }
    : { state: "failed", message: error instanceof Error ? error.message : String(error) };

/** Runs a query with the caller's current access token; `reload` runs it again. */
export function useQuery<T, V>(document: TypedDocumentNode<T, V>, variables: V): Loaded<T> & { reload: () => void } {
  const { config, user } = useSession();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: variables are compared by value (key)
  useEffect(() => {
    let current = true;
    // A reload keeps what is shown until the new answer is there (no flicker while polling).
    setLoaded((previous) => (round > 0 && previous.state === "done" ? previous : { state: "loading" }));
    execute(config.graphqlPath, user.access_token, document, variables).then(
      (result) => current && setLoaded({ state: "done", result }),
      (error: unknown) => current && setLoaded(failed(error)),
    );
    return () => {
      current = false;
    };
  }, [config.graphqlPath, user.access_token, document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...loaded, reload };
}

/** A mutation: nothing runs until `run` is called. */
export function useMutation<T, V>(document: TypedDocumentNode<T, V>) {
  const { config, user } = useSession();
  const [loaded, setLoaded] = useState<Loaded<T> | { state: "idle" }>({ state: "idle" });
  const run = useCallback(
    async (variables: V) => {
      setLoaded({ state: "loading" });
      try {
        const result = await execute(config.graphqlPath, user.access_token, document, variables);
        setLoaded({ state: "done", result });
        return result;
      } catch (error) {
        setLoaded(failed(error));
        return null;
      }
    },
    [config.graphqlPath, user.access_token, document],
  );
  return { loaded, run };
}
