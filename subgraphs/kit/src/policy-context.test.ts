import { describe, expect, test } from "@jest/globals";
import { type Actor, type SubjectFacts, unknownSubject } from "@skyddsnat/schema";
import { heldBy, PolicyContext } from "./policy-context.js";

const UNIT = "police-liaison/malmo";
const actor: Actor = { staffId: "pl-4001", role: "POLICE_LIAISON", agency: "police-liaison", purpose: "CASE_WORK", issuer: "test", unit: UNIT };
const facts = (protectionLevel: SubjectFacts["protectionLevel"]): SubjectFacts => ({ ...unknownSubject("per_1"), protectionLevel });
const classes = new Map([
  ["Incident.place", "LOCATION" as const],
  ["Person.incidents", "SAFETY" as const],
]);

function contextWith(source: { current: SubjectFacts | undefined; loads: number }, peekable: boolean) {
  const load = async (ids: readonly string[]) => {
    source.loads += 1;
    return source.current ? ids.filter((id) => id === source.current?.id).map(() => source.current as SubjectFacts) : [];
  };
  const factsSource = peekable ? Object.assign(load, { peek: (id: string) => (id === source.current?.id ? source.current : undefined) }) : load;
  return new PolicyContext(actor, new Set(), "police-liaison", factsSource, "token", () => {}, classes);
}

/** A current record of the subject, with that steward, naming no place, held by the actor's unit unless told. */
const rec = (subjectId: string | null, stewardId: string | null, ownerUnit: string | null = UNIT) => ({ subjectId, stewardId, current: true, ownerUnit });

describe("PolicyContext", () => {
  test("decides synchronously only when the facts are at hand; otherwise the async path loads them once", async () => {
    const source = { current: facts("NONE"), loads: 0 };
    const policy = contextWith(source, false);
    expect(policy.decideNow(rec("per_1", null), "SAFETY")).toBeUndefined();
    expect((await policy.decide(rec("per_1", null), "SAFETY")).effect).toBe("allow");
    expect(policy.decideNow(rec("per_1", null), "CASE_DETAIL")?.effect).toBe("redact");
    expect(source.loads).toBe(1);
  });

  test("a row's fields are decided once per class, against the row's subject", () => {
    const source = { current: facts("PROTECTED_REGISTRATION"), loads: 0 };
    const policy = contextWith(source, true);
    const row = {};
    let reads = 0;
    const record = () => {
      reads += 1;
      return rec("per_1", null);
    };
    expect(policy.decideFieldNow(row, "LOCATION", record)?.effect).toBe("redact");
    expect(policy.decideFieldNow(row, "LOCATION", record)?.effect).toBe("redact");
    expect(policy.decideFieldNow(row, "SAFETY", record)?.effect).toBe("allow");
    expect(reads).toBe(1);
    expect(policy.subjectOf(row)).toBe("per_1");
    expect(source.loads).toBe(0);
  });

  test("one request judges every field on the first facts it saw, even if the source's copy changes meanwhile", () => {
    const source = { current: facts("NONE"), loads: 0 };
    const policy = contextWith(source, true);
    expect(policy.decideNow(rec("per_1", null), "SAFETY")?.effect).toBe("allow");
    // She becomes a former identity: her records are the personal-security unit's alone.
    source.current = { ...facts("NONE"), quarantined: true };
    // A new question about the same person, in the same request: still the facts it started with.
    expect(policy.decideNow(rec("per_1", "pl-4001"), "SAFETY")?.effect).toBe("allow");
    // The next request sees the change.
    expect(contextWith(source, true).decideNow(rec("per_1", "pl-4001"), "SAFETY")?.effect).toBe("redact");
  });

  test("an unknown subject is decided at once and fails closed", () => {
    const policy = contextWith({ current: undefined, loads: 0 }, true);
    expect(policy.decideNow(rec(null, null), "SAFETY")?.effect).toBe("redact");
    expect(policy.decideNow(rec("per_unknown", null), "SAFETY")).toBeUndefined();
  });
});

describe("PolicyContext and a record's participants", () => {
  test("decides an appointment's place per its participants, and keeps the decision apart from a record naming none", async () => {
    const source = { current: { ...facts("NONE") }, loads: 0 };
    const policy = contextWith(source, true);
    const meeting = (participants: string[]) => ({ ...rec("per_1", null), participants });
    expect(await policy.decide(meeting(["ss-1001"]), "LOCATION")).toMatchObject({ effect: "redact", reason: "REQUIRES_PARTICIPATION" });
    expect(await policy.decide(meeting(["pl-4001"]), "LOCATION")).toMatchObject({ effect: "redact", reason: "REQUIRES_PARTICIPATION" });
    // Taking part and assigned on her case (in a new request: facts are kept per request).
    const onCase = { current: { ...facts("NONE"), assignments: [{ staffId: "pl-4001", role: "POLICE_LIAISON" as const, since: "2026-01-01T00:00:00Z" }] }, loads: 0 };
    const assigned = contextWith(onCase, true);
    expect((await assigned.decide(meeting(["pl-4001"]), "LOCATION")).effect).toBe("allow");
    // …and the same question of a record naming no participants is a question of its own.
    expect((await assigned.decide(rec("per_1", null), "LOCATION")).effect).toBe("redact");
  });
});

describe("PolicyContext and the unit that holds a record", () => {
  test("own-unit opens a record held by the actor's unit, not one another unit of her agency holds", () => {
    const policy = contextWith({ current: facts("NONE"), loads: 0 }, true);
    expect(policy.decideNow(rec("per_1", null, UNIT), "SAFETY")?.effect).toBe("allow");
    // Same subject, same steward, same request: the unit is part of the question.
    expect(policy.decideNow(rec("per_1", null, "police-liaison/lund"), "SAFETY")).toMatchObject({ effect: "redact", reason: "REQUIRES_OWN_UNIT" });
    expect(policy.decideNow(rec("per_1", null, null), "SAFETY")).toMatchObject({ effect: "redact", reason: "REQUIRES_OWN_UNIT" });
    expect(policy.decideNow({ subjectId: "per_1", stewardId: null, current: true }, "SAFETY")).toMatchObject({ effect: "redact", reason: "REQUIRES_OWN_UNIT" });
  });

  test("an actor without a unit has no own unit's records", () => {
    const { unit: _, ...unitless } = actor;
    const policy = new PolicyContext(unitless, new Set(), "police-liaison", async () => [facts("NONE")], "token", () => {}, classes);
    expect(policy.decideNow(rec("per_1", null, UNIT), "SAFETY")).toBeUndefined();
    return expect(policy.decide(rec("per_1", null, UNIT), "SAFETY")).resolves.toMatchObject({ effect: "redact", reason: "REQUIRES_OWN_UNIT" });
  });

  test("existence is judged by the row's unit: a unit knows its own incidents exist, not another unit's", async () => {
    const policy = contextWith({ current: facts("NONE"), loads: 0 }, true);
    const rows = [
      { id: "inc_1", personId: "per_1", unit: UNIT },
      { id: "inc_2", personId: "per_1", unit: "police-liaison/lund" },
    ];
    expect((await policy.existing(rows, heldBy((row) => row.personId), "Person.incidents")).map((row) => row.id)).toEqual(["inc_1"]);
    expect(await policy.existingOne(rows[1] ?? null, heldBy((row) => row.personId), "Person.incidents")).toBeNull();
    // A row judged by its subject alone is no unit's.
    expect(await policy.existing(rows, (row) => row.personId, "Person.incidents")).toEqual([]);
  });
});
