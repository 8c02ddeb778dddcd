import { describe, expect, test } from "@jest/globals";
import type { Actor, SubjectFacts } from "@skyddsnat/schema";
import { PolicyContext } from "./policy-context.js";

const actor: Actor = { staffId: "pl-4001", role: "POLICE_LIAISON", agency: "police-liaison", purpose: "CASE_WORK", issuer: "test", unit: "police-liaison/malmo" };
/** Her own consent to the officer's unit: no class is open merely because the level is NONE. */
const consentToTheUnit = {
  recipientAgency: "police-liaison" as const,
  recipientUnit: "police-liaison/malmo",
  purpose: "CASE_WORK" as const,
  scope: ["LOCATION" as const, "SAFETY" as const],
  validFrom: "2020-01-01T00:00:00.000Z",
  validTo: "2999-01-01T00:00:00.000Z",
  revokedAt: null,
  recordedAt: "2020-01-01T00:00:00.000Z",
  givenBy: "per_1",
  form: "WRITTEN" as const,
};
const facts = (protectionLevel: SubjectFacts["protectionLevel"]): SubjectFacts => ({
  id: "per_1",
  protectionLevel,
  householdLevels: [], caseUnits: [], custodians: [], birthDate: null, quarantined: false,
  assignments: [],
  consents: [consentToTheUnit],
});
const classes = new Map([["Incident.place", "LOCATION" as const]]);

function contextWith(source: { current: SubjectFacts | undefined; loads: number }, peekable: boolean) {
  const load = async (ids: readonly string[]) => {
    source.loads += 1;
    return source.current ? ids.filter((id) => id === source.current?.id).map(() => source.current as SubjectFacts) : [];
  };
  const factsSource = peekable ? Object.assign(load, { peek: (id: string) => (id === source.current?.id ? source.current : undefined) }) : load;
  return new PolicyContext(actor, new Set(), "police-liaison", factsSource, "token", () => {}, classes);
}

/** A current record of the subject, with that steward, naming no place. */
const rec = (subjectId: string | null, stewardId: string | null) => ({ subjectId, stewardId, current: true });

describe("PolicyContext", () => {
  test("decides synchronously only when the facts are at hand; otherwise the async path loads them once", async () => {
    const source = { current: facts("NONE"), loads: 0 };
    const policy = contextWith(source, false);
    expect(policy.decideNow(rec("per_1", null), "LOCATION")).toBeUndefined();
    expect((await policy.decide(rec("per_1", null), "LOCATION")).effect).toBe("allow");
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
    expect(policy.decideNow(rec("per_1", null), "LOCATION")?.effect).toBe("allow");
    source.current = facts("PROTECTED_REGISTRATION");
    // A new question about the same person, in the same request: still the facts it started with.
    expect(policy.decideNow(rec("per_1", "pl-4001"), "LOCATION")?.effect).toBe("allow");
    // The next request sees the change.
    expect(contextWith(source, true).decideNow(rec("per_1", "pl-4001"), "LOCATION")?.effect).toBe("redact");
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
    // An unprotected person's address is open to the police liaison on her consent, her meeting's place is not.
    expect((await policy.decide(rec("per_1", null), "LOCATION")).effect).toBe("allow");
    expect(await policy.decide(meeting(["ss-1001"]), "LOCATION")).toMatchObject({ effect: "redact", reason: "REQUIRES_PARTICIPATION" });
    expect(await policy.decide(meeting(["pl-4001"]), "LOCATION")).toMatchObject({ effect: "redact", reason: "REQUIRES_PARTICIPATION" });
    // Taking part and assigned on her case (in a new request: facts are kept per request).
    const onCase = { current: { ...facts("NONE"), assignments: [{ staffId: "pl-4001", role: "POLICE_LIAISON" as const, since: "2026-01-01T00:00:00Z" }] }, loads: 0 };
    expect((await contextWith(onCase, true).decide(meeting(["pl-4001"]), "LOCATION")).effect).toBe("allow");
  });
});
