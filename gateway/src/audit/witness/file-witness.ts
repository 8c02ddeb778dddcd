import { mkdir, open, readFile, rename } from "node:fs/promises";
import { dirname } from "node:path";
import { decodeHead, encodeHead, type Witness, WitnessDamaged, type WitnessedHead } from "./witness.js";

/**
 * The embedded default: one JSON line per head, appended and synced before publish resolves.
 * It lives outside the audit database's files, so whoever edits the database does not edit it
 * by the same act; make it append-only at the file system (chattr +a) or ship it off the host
 * for a witness the host's own administrator cannot rewrite either.
 */
export class FileWitness implements Witness {
  readonly description: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    this.description = `file ${path}`;
  }

  /** Dev and test resets only: a fresh log gets a fresh witness; the last file is kept aside. */
  static async startOver(path: string): Promise<void> {
    await rename(path, `${path}.old`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }

  publish(head: WitnessedHead): Promise<void> {
    const write = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const file = await open(this.path, "a", 0o600);
      try {
        await file.appendFile(`${encodeHead(head)}\n`);
        await file.datasync();
      } finally {
        await file.close();
      }
    });
    this.queue = write.catch(() => {});
    return write;
  }

  async all(): Promise<WitnessedHead[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const lines = text.split("\n");
    // A write cut short by a crash leaves a last line without its newline: not yet published.
    lines.pop();
    return lines.map((line, i) => {
      if (line === "") throw new WitnessDamaged(`${this.path}:${i + 1}: empty line`);
      return decodeHead(line, `${this.path}:${i + 1}`);
    });
  }

  async newest(): Promise<WitnessedHead | null> {
    return (await this.all()).at(-1) ?? null;
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
