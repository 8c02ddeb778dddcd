import { PROCESSES, type Process, VARIABLES, type Variable } from "./variables.js";

const SHORT: Record<Process, string> = { hub: "npm start", gateway: "gateway", agency: "agency", migrate: "migrate", "audit-verify": "audit:verify" };
const cell = (text: string) => text.replaceAll("|", "\\|");

/** The README's table of every variable, from the one table of variables (`npm run docs`). */
export function environmentMarkdown(): string {
  const legend = (Object.entries(PROCESSES) as [Process, string][]).map(([process, what]) => `**${SHORT[process]}**: ${what}`).join("; ");
  const rows = (Object.entries(VARIABLES) as [string, Variable][]).map(([name, entry]) => {
    const readers = entry.for.map((process) => (entry.requiredIn?.includes(process) ? `**${SHORT[process]}** (required)` : `**${SHORT[process]}**`)).join(", ");
    const fallback = entry.default === undefined ? "—" : entry.default === "" ? '""' : `\`${entry.default}\``;
    return `| \`${name}\` | ${readers} | ${cell(entry.what)}${entry.secret ? " (a credential: never logged)" : ""} | ${cell(entry.rule)} | ${fallback} |`;
  });
  return [`Read by: ${legend}.`, "", "| variable | read by | what | value | default |", "|---|---|---|---|---|", ...rows].join("\n");
}
