import { EXPLANATION_GROUPS, EXPLANATIONS } from "./explanations.js";
import { REDACT_REASONS } from "./policy/decide.js";
import { WRITE_DENY_REASONS } from "./policy/write-conditions.js";

/** Where a group's codes come back: the code itself, or the `reason` beside which code. */
const CARRIED_BY: Readonly<Record<keyof typeof EXPLANATION_GROUPS, string>> = {
  codes: "`code`",
  authentication: "`reason` of UNAUTHENTICATED",
  unavailable: "`reason` of SUBGRAPH_UNAVAILABLE",
  withheld: "`reason` of FORBIDDEN_FIELD",
  "write-refused": "`reason` of FORBIDDEN",
  input: "`reason` of BAD_USER_INPUT",
};

/** Every place a code comes back: its own group's, and the policy's lists it is also in. */
function carriedBy(code: string): string {
  const places = Object.entries(EXPLANATION_GROUPS).filter(([, group]) => code in group).map(([name]) => CARRIED_BY[name] as string);
  if ((REDACT_REASONS as readonly string[]).includes(code)) places.push(CARRIED_BY.withheld as string);
  if ((WRITE_DENY_REASONS as readonly string[]).includes(code)) places.push(CARRIED_BY["write-refused"] as string);
  return [...new Set(places)].join(", ");
}

/** The catalogue as a Markdown table; the README embeds this output verbatim. */
export function explanationsMarkdown(): string {
  const rows = Object.values(EXPLANATIONS).map((e) => `| \`${e.code}\` | ${e.kind} | ${e.http ?? "—"} | ${carriedBy(e.code)} | ${e.en} | ${e.sv} |`);
  return ["| code | kind | HTTP | comes back as | what it means | vad det betyder |", "|---|---|---|---|---|---|", ...rows].join("\n");
}
