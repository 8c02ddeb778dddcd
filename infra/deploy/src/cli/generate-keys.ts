import { generateDeploymentKeys, writeDeploymentKeys } from "../keys.js";

/**
 * `node infra/deploy/dist/cli/generate-keys.js <dir> [kid]`: a new gateway key and audit chain
 * key, written to <dir> (refuses to overwrite), for `kubectl create secret` (README.md).
 */
const [dir, kid = `gateway-${new Date().toISOString().slice(0, 10)}`] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: generate-keys <dir> [kid]\n");
  process.exit(2);
}
try {
  const written = await writeDeploymentKeys(dir, await generateDeploymentKeys(kid));
  process.stdout.write(`${written.join("\n")}\n`);
} catch (error) {
  process.stderr.write(`generate-keys: ${(error as NodeJS.ErrnoException).code ?? "failed"} (existing files are never overwritten)\n`);
  process.exit(1);
}
