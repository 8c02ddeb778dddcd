import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { accessMatrixMarkdown, explanationsMarkdown, placesMarkdown, RULES, writeMatrixMarkdown } from "@skyddsnat/schema";
import { environmentMarkdown } from "../environment/markdown.js";
import { DEMO_STAFF } from "../seed/index.js";

/**
 * `npm run docs`: regenerates the README's generated sections from their sources (the read and write policy,
 * the explanation catalogue, the staff directory, the table of environment variables), so the documentation cannot drift from what the hub enforces.
 */
const README = fileURLToPath(new URL("../../../../README.md", import.meta.url));

function replaceSection(text: string, name: string, body: string): string {
  const pattern = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
  if (!pattern.test(text)) throw new Error(`README has no <!-- ${name} --> … <!-- /${name} --> section`);
  return text.replace(pattern, `<!-- ${name} -->\n${body}\n<!-- /${name} -->`);
}

const rules = RULES.map((rule) => `| \`${rule.name}\` | ${rule.roles.join(", ")} | ${rule.levels.join(", ")} | ${rule.classes.join(", ")} | ${rule.when} | ${rule.why} |`);
const staff = Object.entries(DEMO_STAFF).map(([role, ids]) => `| ${role} | ${ids.join(", ")} |`);

let text = await readFile(README, "utf8");
text = replaceSection(text, "access-matrix", accessMatrixMarkdown());
text = replaceSection(text, "policy-rules", ["| rule | roles | levels | classes | when | why |", "|---|---|---|---|---|---|", ...rules].join("\n"));
text = replaceSection(text, "places", placesMarkdown());
text = replaceSection(text, "write-rules", writeMatrixMarkdown());
text = replaceSection(text, "explanations", explanationsMarkdown());
text = replaceSection(text, "environment", environmentMarkdown());
text = replaceSection(text, "demo-staff", ["| role | staff ids |", "|---|---|", ...staff].join("\n"));
await writeFile(README, text);
process.stdout.write("README.md regenerated from the policy, the staff directory and the environment variables\n");
