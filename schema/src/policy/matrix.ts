import { ROLES, type Role } from "../actor.js";
import { FIELD_CLASSES, type FieldClass } from "../classification.js";
import { PROTECTION_LEVELS, type ProtectionLevel } from "../protection.js";
import { type Condition, RULES } from "./rules.js";

/** For each role × level × class: the conditions under which the policy allows it ([] = never). */
export function accessMatrix(): Record<Role, Record<ProtectionLevel, Record<FieldClass, Condition[]>>> {
  const matrix = {} as Record<Role, Record<ProtectionLevel, Record<FieldClass, Condition[]>>>;
  for (const role of ROLES) {
    matrix[role] = {} as Record<ProtectionLevel, Record<FieldClass, Condition[]>>;
    for (const level of PROTECTION_LEVELS) {
      matrix[role][level] = {} as Record<FieldClass, Condition[]>;
      for (const fieldClass of FIELD_CLASSES) {
        const conditions = RULES.filter(
          (rule) => rule.roles.includes(role) && rule.levels.includes(level) && rule.classes.includes(fieldClass),
        ).map((rule) => rule.when);
        // Rows after an unconditional one can never decide; show only what matters.
        const cut = conditions.indexOf("always");
        matrix[role][level][fieldClass] = cut === -1 ? conditions : conditions.slice(0, cut + 1);
      }
    }
  }
  return matrix;
}

const SHORT: Record<Condition, string> = {
  always: "✔",
  handles: "handles",
  assigned: "assigned",
  "own-unit": "own unit",
  consent: "consent",
  "assigned-and-consent": "assigned + consent",
  steward: "steward",
  emergency: "emergency",
  "assigned-participant": "participant",
  quarantined: "former identity only",
};

/** The policy as Markdown tables, one per role; the README embeds this output verbatim. */
export function accessMatrixMarkdown(): string {
  const matrix = accessMatrix();
  const out: string[] = [];
  for (const role of ROLES) {
    out.push(`#### ${role}`, "", `| level | ${FIELD_CLASSES.join(" | ")} |`, `|---|${FIELD_CLASSES.map(() => "---").join("|")}|`);
    for (const level of PROTECTION_LEVELS) {
      const cells = FIELD_CLASSES.map((fieldClass) => {
        const conditions = matrix[role][level][fieldClass];
        if (conditions.length === 0) return "—";
        if (conditions.includes("always")) return "✔";
        return conditions.map((c) => SHORT[c]).join(" or ");
      });
      out.push(`| ${level} | ${cells.join(" | ")} |`);
    }
    out.push("");
  }
  out.push("✔ always · — never (withheld) · otherwise: allowed only under the named condition.");
  out.push("An appointment's LOCATION (a record naming participants) is opened by the participant row only, whatever else the cell says.");
  return out.join("\n");
}
