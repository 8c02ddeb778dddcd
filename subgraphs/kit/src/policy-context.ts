import {
  type AccessDecision,
  type Actor,
  type Agency,
  decide,
  type FactsSource,
  type FieldClass,
  type SubjectFacts,
  unknownSubject,
} from "@skyddsnat/schema";
import DataLoader from "dataloader";


/** A facts source that may also answer synchronously from copies it already holds. */
export type PeekableFactsSource = FactsSource & { peek?(subjectId: string): SubjectFacts | undefined };

export interface RecordRef {
  subjectId: string | null;
  stewardId: string | null;
}

/** A row's record, with the decisions already made for its fields, by class. */
interface SettledRecord extends RecordRef {
  decided: Map<FieldClass, AccessDecision>;
}

const settledFrom = (record: RecordRef): SettledRecord => ({
  subjectId: record.subjectId,
  stewardId: record.stewardId,
  decided: new Map(),
});

/**
 * The per-request face of the one policy: decide() over facts loaded once per subject per
 * request, in one batch per tick. If facts can't be loaded, subjects become unknown: fail closed.
 */
export class PolicyContext {
  private readonly facts: DataLoader<string, SubjectFacts>;
  /** Per request: one decision per (subject, steward, class), one record lookup per object. */
  private readonly decisions = new Map<string, Promise<AccessDecision>>();
  private readonly records = new WeakMap<object, Promise<RecordRef>>();
  /** The same, once settled: later fields of a row resolve synchronously (no promise per field). */
  private readonly settledDecisions = new Map<string, AccessDecision>();
  private readonly settledRecords = new WeakMap<object, SettledRecord>();
  /**
   * The facts this request decides on, per subject: the first copy seen is kept for the whole
   * request, so every field of one response is judged on the same facts.
   */
  private readonly known = new Map<string, SubjectFacts>();
  readonly now = new Date();

  constructor(
    readonly actor: Actor,
    private readonly emergencyGrants: ReadonlySet<string>,
    private readonly ownerAgency: Agency,
    private readonly source: PeekableFactsSource,
    internalToken: string,
    onFactsError: (error: unknown) => void,
    /** The schema's field classes ("Type.field" → class): filters take their class from here. */
    private readonly fieldClasses: ReadonlyMap<string, FieldClass>,
  ) {
    this.facts = new DataLoader(async (ids) => {
      try {
        const found = new Map((await source(ids, () => Promise.resolve(internalToken))).map((facts) => [facts.id, facts]));
        return ids.map((id) => found.get(id) ?? unknownSubject(id));
      } catch (error) {
        onFactsError(error);
        return ids.map((id) => unknownSubject(id));
      }
    });
  }

  decide(subjectId: string | null | undefined, stewardId: string | null, fieldClass: FieldClass): Promise<AccessDecision> {
    const now = this.decideNow(subjectId, stewardId, fieldClass);
    if (now) return Promise.resolve(now);
    const key = decisionKey(subjectId, stewardId, fieldClass);
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = (async () => {
        const subject = subjectId ? this.keep(await this.facts.load(subjectId)) : unknownSubject("");
        return this.settle(key, subject, stewardId, fieldClass);
      })();
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * The decision, synchronously, when the subject's facts are already at hand (seen earlier in
   * this request, or held by the facts source); undefined means: take the async path.
   */
  decideNow(subjectId: string | null | undefined, stewardId: string | null, fieldClass: FieldClass): AccessDecision | undefined {
    const key = decisionKey(subjectId, stewardId, fieldClass);
    const settled = this.settledDecisions.get(key);
    if (settled) return settled;
    if (!subjectId) return this.settle(key, unknownSubject(""), stewardId, fieldClass);
    let subject = this.known.get(subjectId);
    if (!subject) {
      const held = this.source.peek?.(subjectId);
      if (!held) return undefined;
      subject = this.keep(held);
    }
    return this.settle(key, subject, stewardId, fieldClass);
  }

  private keep(facts: SubjectFacts): SubjectFacts {
    const first = this.known.get(facts.id);
    if (first) return first;
    if (facts.protectionLevel !== null) this.known.set(facts.id, facts);
    return facts;
  }

  private settle(key: string, subject: SubjectFacts, stewardId: string | null, fieldClass: FieldClass): AccessDecision {
    const decision = decide(this.actor, subject, fieldClass, { stewardId, ownerAgency: this.ownerAgency }, {
      emergencyGrants: this.emergencyGrants,
      now: this.now,
    });
    this.settledDecisions.set(key, decision);
    return decision;
  }

  /**
   * Whether social services knows this person. Agencies that hold no person rows check a
   * reference this way before writing; facts that cannot be loaded count as unknown.
   */
  async isKnownSubject(subjectId: string): Promise<boolean> {
    return (await this.factsOf(subjectId)).protectionLevel !== null;
  }

  /** The subject's facts as this request decides on them (a write's rule needs the level, the assignments). */
  async factsOf(subjectId: string): Promise<SubjectFacts> {
    return this.keep(await this.facts.load(subjectId));
  }

  /**
   * The decision for one field of a row, synchronously, when the row's subject and steward can
   * be read at once (`compute` returns undefined when they can't) and the subject's facts are at
   * hand; undefined means: take the async path. Decisions are kept on the row, by class, so a
   * row's later fields cost one lookup each.
   */
  decideFieldNow(row: object, fieldClass: FieldClass, compute: () => RecordRef | undefined): AccessDecision | undefined {
    let record = this.settledRecords.get(row);
    if (!record) {
      const computed = compute();
      if (!computed) return undefined;
      record = settledFrom(computed);
      this.settledRecords.set(row, record);
    }
    const known = record.decided.get(fieldClass);
    if (known) return known;
    const decision = this.decideNow(record.subjectId, record.stewardId, fieldClass);
    if (decision) record.decided.set(fieldClass, decision);
    return decision;
  }

  /** The subject of a row whose record is settled (for log lines), else null. */
  subjectOf(row: object): string | null {
    return this.settledRecords.get(row)?.subjectId ?? null;
  }

  /** The subject and steward of a row, computed once per row object and request. */
  recordOf(row: object, compute: () => Promise<RecordRef>): Promise<RecordRef> {
    const known = this.settledRecords.get(row);
    if (known) return Promise.resolve(known);
    let record = this.records.get(row);
    if (!record) {
      record = compute().then((settled) => {
        if (!this.settledRecords.has(row)) this.settledRecords.set(row, settledFrom(settled));
        return settled;
      });
      this.records.set(row, record);
    }
    return record;
  }


  /**
   * Keeps only rows whose `field` ("Type.field", the field a filter matches on) the actor may see:
   * a filter must not find, rank or count anyone the actor couldn't see that field of (no
   * oracle). The class is the field's own, read from the schema, never restated here.
   */
  async admit<T>(rows: T[], subjectOf: (row: T) => string, field: string): Promise<T[]> {
    const fieldClass = this.fieldClasses.get(field);
    if (!fieldClass) throw new Error(`filter on ${field}: no such classified field`);
    const decisions = await Promise.all(rows.map((row) => this.decide(subjectOf(row), null, fieldClass)));
    return rows.filter((_, index) => decisions[index]?.effect === "allow");
  }
}

const decisionKey = (subjectId: string | null | undefined, stewardId: string | null, fieldClass: FieldClass) =>
  `${subjectId ?? ""}\u0000${stewardId ?? ""}\u0000${fieldClass}`;
