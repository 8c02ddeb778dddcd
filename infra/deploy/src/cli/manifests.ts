import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { GENERATED } from "../agencies.js";

/**
 * `npm run manifests -w @skyddsnat/deploy [-- --check]`: writes k8s/base/agencies.yaml and
 * k8s/base/migrate-job.yaml from their templates (src/agencies.ts). With `--check` it writes
 * nothing and exits 1 when a checked-in file is not what it would write.
 */
const check = process.argv.includes("--check");
let stale = false;
for (const [file, render] of Object.entries(GENERATED)) {
  const where = relative(process.cwd(), file);
  const text = render();
  if (!check) {
    writeFileSync(file, text);
    process.stdout.write(`${where}: written\n`);
    continue;
  }
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === text) process.stdout.write(`${where}: up to date\n`);
  else {
    stale = true;
    process.stderr.write(`${where} is stale: run npm run manifests -w @skyddsnat/deploy\n`);
  }
}
process.exit(stale ? 1 : 0);
