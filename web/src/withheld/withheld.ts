import type { GraphQLErrorShape } from "../graphql/client.js";

/** A value as the hub answered it: released, withheld (with the reason), or plainly absent. */
export type Answered<T> = { state: "value"; value: T } | { state: "withheld"; reason: string } | { state: "null" };

export type Path = readonly (string | number)[];
const keyOf = (path: Path) => path.join("\u0000");

/**
 * Where the hub withheld something (FORBIDDEN_FIELD, or FORBIDDEN on a path): null in the data
 * with an error at that path carrying the policy's reason. A withheld record or link takes
 * everything under it along, so a path under a withheld one is withheld too.
 */
export class Withholdings {
  private readonly reasons = new Map<string, string>();

  constructor(errors: readonly GraphQLErrorShape[]) {
    for (const error of errors) {
      const code = error.extensions?.code;
      if (!error.path || (code !== "FORBIDDEN_FIELD" && code !== "FORBIDDEN")) continue;
      this.reasons.set(keyOf(error.path), String(error.extensions?.reason ?? code));
    }
  }

  reasonAt(path: Path): string | undefined {
    for (let end = path.length; end > 0; end--) {
      const reason = this.reasons.get(keyOf(path.slice(0, end)));
      if (reason) return reason;
    }
    return undefined;
  }

  /** The value at `path` of `holder` (the object at `path` minus its last key). */
  answer<T>(value: T | null | undefined, path: Path): Answered<T> {
    if (value !== null && value !== undefined) return { state: "value", value };
    const reason = this.reasonAt(path);
    return reason ? { state: "withheld", reason } : { state: "null" };
  }

  get size(): number {
    return this.reasons.size;
  }
}
