import { ROLES, type Role } from "../actor.js";
import { OPERATIONS, type Operation, WRITE_RULES, type WriteCondition } from "./write-rules.js";

/** For each role × operation: the alternatives (each a list of conditions that must all hold) under which it is allowed. */
export function writeMatrix(): Record<Role, Record<Operation, (readonly WriteCondition[])[]>> {
  const matrix = {} as Record<Role, Record<Operation, (readonly WriteCondition[])[]>>;
  for (const role of ROLES) {
    matrix[role] = {} as Record<Operation, (readonly WriteCondition[])[]>;
    for (const operation of OPERATIONS) {
      matrix[role][operation] = WRITE_RULES.filter((rule) => rule.operation === operation && rule.roles.includes(role)).map((rule) => rule.when);
    }
  }
  return matrix;
}

const cell = (alternatives: (readonly WriteCondition[])[]) => {
  if (alternatives.length === 0) return "—";
  if (alternatives.some((when) => when.includes("always"))) return "✔";
  return alternatives.map((when) => when.join(" + ")).join(" or ");
};

/** The write policy as Markdown: operation × role, then the rules; the README embeds this output verbatim. */
export function writeMatrixMarkdown(): string {
  const matrix = writeMatrix();
  const widening = new Set(WRITE_RULES.filter((rule) => rule.widensAccess).map((rule) => rule.operation));
  const out = [`| operation | ${ROLES.join(" | ")} |`, `|---|${ROLES.map(() => "---").join("|")}|`];
  for (const operation of OPERATIONS) {
    out.push(`| ${operation}${widening.has(operation) ? " ⚑" : ""} | ${ROLES.map((role) => cell(matrix[role][operation])).join(" | ")} |`);
  }
  out.push(
    "",
    "✔ role suffices · — never · otherwise: allowed only when the named conditions hold · ⚑ can widen someone's access: recorded as ACCESS_WIDENED for review.",
    "",
    "| rule | operation | roles | when | widens access | why |",
    "|---|---|---|---|---|---|",
    ...WRITE_RULES.map(
      (rule) => `| \`${rule.name}\` | ${rule.operation} | ${rule.roles.join(", ")} | ${rule.when.join(" + ")} | ${rule.widensAccess ? "yes" : "no"} | ${rule.why} |`,
    ),
  );
  return out.join("\n");
}
