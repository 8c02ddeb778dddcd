import { createHash } from "node:crypto";
import {
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  type StreamConfig,
  StorageType,
} from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { decodeHead, encodeHead, type Witness, type WitnessedHead, WitnessMissing } from "./witness.js";

/**
 * What makes a stream a witness: nothing published can be taken out through the stream's API.
 * deny_delete and deny_purge cannot be switched off again once set (the server refuses the
 * update); no rollup header may replace earlier messages; no age, count or size limit ages heads
 * out, and were a limit ever set, `discard: new` refuses the newest head instead of silently
 * dropping the oldest. Deleting the whole stream is a separate right: deny it to every account
 * but the witness's administrator (see the gateway's README).
 */
export function witnessStreamConfig(stream: string, subject: string): Partial<StreamConfig> & { name: string } {
  return {
    name: stream,
    subjects: [subject],
    description: "Skyddsnät audit: signed tree heads (append-only witness)",
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    max_msgs: -1,
    max_bytes: -1,
    max_age: 0,
    max_msgs_per_subject: -1,
    deny_delete: true,
    deny_purge: true,
    allow_rollup_hdrs: false,
  };
}

/** Why an existing stream would not hold its heads, or null when it would. */
export function unsafeStreamSetting(config: Partial<StreamConfig>): string | null {
  if (!config.deny_delete) return "deny_delete is off: heads could be deleted";
  if (!config.deny_purge) return "deny_purge is off: the stream could be purged";
  if (config.allow_rollup_hdrs) return "allow_rollup_hdrs is on: a rollup could replace heads";
  if ((config.max_age ?? 0) !== 0) return "max_age ages heads out";
  if (config.discard !== DiscardPolicy.New && ((config.max_msgs ?? -1) > 0 || (config.max_bytes ?? -1) > 0)) {
    return "a limit with discard old drops the oldest heads";
  }
  if ((config.max_msgs_per_subject ?? -1) > 0) return "max_msgs_per_subject drops older heads";
  if (config.retention && config.retention !== RetentionPolicy.Limits) return "retention other than limits removes heads once consumed";
  return null;
}

export interface JetStreamWitnessOptions {
  /** e.g. "127.0.0.1:4222" */
  servers: string;
  stream: string;
  /** The gateway creates the stream; the verifier only reads an existing one. */
  create: boolean;
}

export class JetStreamWitness implements Witness {
  readonly description: string;
  private readonly subject: string;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
  ) {
    this.subject = `skyddsnat-audit.${stream}.sth`;
    this.description = `JetStream stream ${stream}`;
  }

  static async open(options: JetStreamWitnessOptions): Promise<JetStreamWitness> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.stream)) throw new Error("a witness stream name is letters, digits, _ and -");
    const nc = await connect({ servers: options.servers, name: "skyddsnat-audit-witness", timeout: 2000 });
    try {
      const jsm = await jetstreamManager(nc);
      const witness = new JetStreamWitness(nc, jetstream(nc), jsm, options.stream);
      const existing = await jsm.streams.info(options.stream).catch(() => null);
      if (!existing) {
        if (!options.create) throw new WitnessMissing(`the witness stream ${options.stream} does not exist`);
        await jsm.streams.add(witnessStreamConfig(options.stream, witness.subject));
      } else {
        const unsafe = unsafeStreamSetting(existing.config);
        if (unsafe) throw new Error(`the witness stream ${options.stream} cannot witness: ${unsafe}`);
      }
      return witness;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(head: WitnessedHead): Promise<void> {
    // Named by its own digest: a retry within the duplicate window is not a second copy.
    await this.js.publish(this.subject, encodeHead(head), { msgID: createHash("sha256").update(head.jws).digest("hex") });
  }

  async newest(): Promise<WitnessedHead | null> {
    const info = await this.info();
    if (info.state.messages === 0) return null;
    const message = await this.jsm.streams.getMessage(this.stream, { last_by_subj: this.subject });
    return message ? decodeHead(message.string(), `${this.stream}#${message.seq}`) : null;
  }

  async all(): Promise<WitnessedHead[]> {
    const info = await this.info();
    if (info.state.messages === 0) return [];
    const last = info.state.last_seq;
    const consumer = await this.js.consumers.get(this.stream);
    const messages = await consumer.consume();
    const heads: WitnessedHead[] = [];
    try {
      for await (const message of messages) {
        heads.push(decodeHead(message.string(), `${this.stream}#${message.seq}`));
        if (message.seq >= last) break;
      }
    } finally {
      await messages.close();
    }
    return heads;
  }

  private async info() {
    try {
      return await this.jsm.streams.info(this.stream);
    } catch {
      throw new WitnessMissing(`the witness stream ${this.stream} is gone`);
    }
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
