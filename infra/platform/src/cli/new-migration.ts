import { resolve } from "node:path";
import { writeNextMigration } from "../next-migration.js";

/*
 * node infra/platform/dist/cli/new-migration.js <path-to-package> <name>
 * (or `npm run migration:new -- <path-to-package> <name>` from the root): writes the package's
 * next Prisma migration from its schema.prisma, or nothing when they already agree.
 */
const [packageDir, name] = process.argv.slice(2);
if (!packageDir || !name) {
  process.stderr.write("usage: new-migration <path-to-package> <snake_case_name>\n");
  process.exit(2);
}
try {
  const written = await writeNextMigration({ packageDir: resolve(packageDir), name });
  process.stdout.write(
    written.length === 0
      ? "schema.prisma and the migrations agree: nothing written\n"
      : written.map((file) => `wrote ${file}\n`).join(""),
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
