import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A small Prisma package (enum, relation, index, two migrations) for the platform's tests. */
export const LIBRARY_DIR = fileURLToPath(new URL("./library", import.meta.url));
export const LIBRARY_SCHEMA = join(LIBRARY_DIR, "prisma", "schema.prisma");
export const LIBRARY_MIGRATIONS = join(LIBRARY_DIR, "prisma", "migrations");
export const LIBRARY_MIGRATION_NAMES = ["20261125012801_init", "20261125012819_add_returns"];

/** A scratch copy of the library package to change freely; removed by the returned function. */
export async function copyLibrary(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "platform-test-"));
  const dir = join(root, "library");
  await cp(LIBRARY_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
