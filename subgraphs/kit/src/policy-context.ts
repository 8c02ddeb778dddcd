import {
  type AccessDecision,
  type Actor,
  type Agency,
  decide,
  existsFor,
  type FactsSource,
  type FieldClass,
  type FilterExclusion,
  householdLevel,
  type PlaceKind,
  placeLevelOf,
  type ProtectionLevel,
  type SubjectFacts,
  unknownSubject,
} from "@skyddsnat/schema";
import DataLoader from "dataloader";


/** A facts source that may also answer synchronously from copies it already holds. */
export type PeekableFactsSource = FactsSource & { peek?(subjectId: string): SubjectFacts | undefined };

/** What the policy needs to know of a row besides its subject's facts (see RecordFacts). */
export interface RecordRef {
  subjectId: string | null;
  stewardId: string | null;
  current: boolean;
  /** Absent when the row names no place. */
  placeLevel?: ProtectionLevel | null;
  /** Absent when the row names no participants (only an appointment does). */
  participants?: readonly string[];
  /** The unit of the owner agency that holds the row (RecordFacts.ownerUnit); absent or null: no unit's. */
  ownerUnit?: string | null;
}

/**
 * Whom a row is about, for a filter or an existence check: the subject's id, or the subject and
 * the unit that holds the row — a unit knows its own records exist (rules.ts, own-unit).
 */
export type RowHolder = string | { subjectId: string; ownerUnit: string | null };

/** A row with no steward, not current, naming no place: how filters judge the rows they match. */
const plainRecord = (holder: RowHolder | null): RecordRef =>
  typeof holder === "object" && holder !== null
    ? { subjectId: holder.subjectId, stewardId: null, current: false, ownerUnit: holder.ownerUnit }
    : { subjectId: holder, stewardId: null, current: false };

/** A row that records the unit holding it, as the holder its existence and filters are judged by. */
export const heldBy =
  <T extends { unit: string }>(subjectOf: (row: T) => string) =>
  (row: T): RowHolder => ({ subjectId: subjectOf(row), ownerUnit: row.unit });

const subjectOfHolder = (holder: RowHolder): string => (typeof holder === "string" ? holder : holder.subjectId);

/** A row's record, with the decisions already made for its fields, by class. */
interface SettledRecord extends RecordRef {
  decided: Map<FieldClass, AccessDecision>;
}

const settledFrom = (record: RecordRef): SettledRecord => ({ ...record, decided: new Map() });

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

  decide(record: RecordRef, fieldClass: FieldClass): Promise<AccessDecision> {
    const now = this.decideNow(record, fieldClass);
    if (now) return Promise.resolve(now);
    const key = decisionKey(record, fieldClass);
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = (async () => {
        const subject = record.subjectId ? this.keep(await this.facts.load(record.subjectId)) : unknownSubject("");
        return this.settle(key, subject, record, fieldClass);
      })();
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * The decision, synchronously, when the subject's facts are already at hand (seen earlier in
   * this request, or held by the facts source); undefined means: take the async path.
   */
  decideNow(record: RecordRef, fieldClass: FieldClass): AccessDecision | undefined {
    const key = decisionKey(record, fieldClass);
    const settled = this.settledDecisions.get(key);
    if (settled) return settled;
    if (!record.subjectId) return this.settle(key, unknownSubject(""), record, fieldClass);
    const subject = this.factsNow(record.subjectId);
    return subject ? this.settle(key, subject, record, fieldClass) : undefined;
  }

  /** A subject's facts if at hand now (seen in this request, or held by the source). */
  private factsNow(subjectId: string): SubjectFacts | undefined {
    const known = this.known.get(subjectId);
    if (known) return known;
    const held = this.source.peek?.(subjectId);
    return held ? this.keep(held) : undefined;
  }

  /**
   * A subject's facts as this request decides on them (the first copy seen is kept; unknown if
   * unavailable): reads, place levels and a write's rule (the level, the assignments) alike.
   */
  async factsOf(subjectId: string): Promise<SubjectFacts> {
    return this.factsNow(subjectId) ?? this.keep(await this.facts.load(subjectId));
  }

  /** The person's effective protection: her household's strictest level (null: unknown). */
  async householdLevelOf(subjectId: string): Promise<ProtectionLevel | null> {
    return householdLevel(await this.factsOf(subjectId));
  }

  /** The level of a place over everyone who lives or lived there (places.ts; null: unknown). */
  async placeLevel(kind: PlaceKind, occupantIds: readonly string[]): Promise<ProtectionLevel | null> {
    return placeLevelOf(kind, await Promise.all(occupantIds.map((id) => this.factsOf(id))));
  }

  private keep(facts: SubjectFacts): SubjectFacts {
    const first = this.known.get(facts.id);
    if (first) return first;
    if (facts.protectionLevel !== null) this.known.set(facts.id, facts);
    return facts;
  }

  private settle(key: string, subject: SubjectFacts, record: RecordRef, fieldClass: FieldClass): AccessDecision {
    const { stewardId, current, placeLevel, participants, ownerUnit } = record;
    const facts = {
      stewardId,
      ownerAgency: this.ownerAgency,
      ownerUnit: ownerUnit ?? null,
      current,
      ...(placeLevel !== undefined ? { placeLevel } : {}),
      ...(participants !== undefined ? { participants } : {}),
    };
    const decision = decide(this.actor, subject, fieldClass, facts, {
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
    return existsFor(this.actor, await this.factsOf(subjectId));
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
    const decision = this.decideNow(record, fieldClass);
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
  async admit<T>(rows: T[], subjectOf: (row: T) => RowHolder, field: string): Promise<T[]> {
    return this.admitBy(rows, subjectOf, field);
  }

  /**
   * Keeps only rows whose existence the actor may know: the class of the person's link to that
   * kind of record (`link`, e.g. "Person.incidents": SAFETY), then `and` (a filter's own
   * admission), if given. An incident, a case or a child case exists for an actor only if she may
   * see what it says: no list, page or lookup by id tells anyone else that there is one.
   */
  async existing<T>(rows: T[], subjectOf: (row: T) => RowHolder, link: string, and?: (rows: T[]) => Promise<T[]>): Promise<T[]> {
    const known = await this.admitBy(rows, subjectOf, link);
    return and ? and(known) : known;
  }

  /** One row looked up by id, or null when its existence is not the actor's to know. */
  async existingOne<T>(row: T | null, subjectOf: (row: T) => RowHolder, link: string): Promise<T | null> {
    if (row === null) return null;
    return (await this.admitBy([row], subjectOf, link))[0] ?? null;
  }

  private async admitBy<T>(rows: T[], subjectOf: (row: T) => RowHolder, field: string): Promise<T[]> {
    const fieldClass = this.fieldClasses.get(field);
    if (!fieldClass) throw new Error(`filter on ${field}: no such classified field`);
    const decisions = await Promise.all(rows.map((row) => this.decide(plainRecord(subjectOf(row)), fieldClass)));
    return rows.filter((_, index) => decisions[index]?.effect === "allow");
  }

  /** The rows a filter may find: admitted on every field it matches on (filteredFields in schema/). */
  async admitOn<T>(rows: T[], subjectOf: (row: T) => RowHolder, fields: readonly string[]): Promise<T[]> {
    let admitted = rows;
    for (const field of fields) {
      const kept = await this.admit(admitted, subjectOf, field);
      const excluded = admitted.filter((row) => !kept.includes(row)).map((row) => subjectOfHolder(subjectOf(row)));
      // Every person a filter matched and excluded is on the record, protected or not (OSL 26 kap. 1 §).
      for (const subjectId of excluded) this.filterExclusions.push({ field, subjectId });
      admitted = kept;
    }
    return admitted;
  }

  /**
   * The protected persons a filter matched and then excluded, by the field it matched on: finding
   * (or trying to find) someone by where she lives is an access to where she lives, refused. They
   * go to the gateway's audit trail with the response (FILTER_EXCLUSIONS_EXTENSION), never to the caller.
   */
  readonly filterExclusions: FilterExclusion[] = [];
}

const decisionKey = (record: RecordRef, fieldClass: FieldClass) =>
  `${record.subjectId ?? ""}\u0000${record.stewardId ?? ""}\u0000${record.ownerUnit ?? ""}\u0000${record.current}\u0000${record.placeLevel}\u0000${record.participants?.join(",")}\u0000${fieldClass}`;
