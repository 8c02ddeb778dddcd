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


export interface RecordRef {
  subjectId: string | null;
  stewardId: string | null;
}

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
  private readonly settledRecords = new WeakMap<object, RecordRef>();
  readonly now = new Date();

  constructor(
    readonly actor: Actor,
    private readonly emergencyGrants: ReadonlySet<string>,
    private readonly ownerAgency: Agency,
    source: FactsSource,
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
    const key = `${subjectId ?? ""}\u0000${stewardId ?? ""}\u0000${fieldClass}`;
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = (async () => {
        const subject = subjectId ? await this.facts.load(subjectId) : unknownSubject("");
        const settled = decide(this.actor, subject, fieldClass, { stewardId, ownerAgency: this.ownerAgency }, {
          emergencyGrants: this.emergencyGrants,
          now: this.now,
        });
        this.settledDecisions.set(key, settled);
        return settled;
      })();
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * Whether social services knows this person. Agencies that hold no person rows check a
   * reference this way before writing; facts that cannot be loaded count as unknown.
   */
  async isKnownSubject(subjectId: string): Promise<boolean> {
    return (await this.facts.load(subjectId)).protectionLevel !== null;
  }

  /** The subject and steward of a row, computed once per row object and request. */
  recordOf(row: object, compute: () => Promise<RecordRef>): Promise<RecordRef> {
    let record = this.records.get(row);
    if (!record) {
      record = compute().then((settled) => {
        this.settledRecords.set(row, settled);
        return settled;
      });
      this.records.set(row, record);
    }
    return record;
  }

  /** The decision for a row's field if both are already known, else undefined (take the async path). */
  settled(row: object, fieldClass: FieldClass): AccessDecision | undefined {
    const record = this.settledRecords.get(row);
    if (!record) return undefined;
    return this.settledDecisions.get(`${record.subjectId ?? ""}\u0000${record.stewardId ?? ""}\u0000${fieldClass}`);
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
