import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { buildManifest, deploymentDocuments, MANIFEST_FILE, manifestJson } from "../trusted-documents.js";

/**
 * `node infra/deploy/dist/cli/trusted-documents.js [--check]`: writes k8s/base/trusted-documents.json
 * from the `.graphql` files in infra/deploy/documents and the web app's codegen manifest
 * (README.md, "Trusted documents"). With
 * `--check` it writes nothing and exits 1 when the checked-in file is not what it would write.
 */
const check = process.argv.includes("--check");
try {
  const manifest = buildManifest(deploymentDocuments());
  const text = manifestJson(manifest);
  const where = relative(process.cwd(), MANIFEST_FILE);
  if (check) {
    let current = "";
    try {
      current = readFileSync(MANIFEST_FILE, "utf8");
    } catch {}
    if (current !== text) {
      process.stderr.write(`${where} is stale: run node infra/deploy/dist/cli/trusted-documents.js\n`);
      process.exit(1);
    }
    process.stdout.write(`${where}: ${Object.keys(manifest).length} documents, up to date\n`);
  } else {
    writeFileSync(MANIFEST_FILE, text);
    process.stdout.write(`${where}: ${Object.keys(manifest).length} documents\n`);
  }
} catch (error) {
  process.stderr.write(`trusted-documents: ${(error as Error).message}\n`);
  process.exit(1);
}
