import { afterAll, describe, expect, test } from "@jest/globals";
import { type Household, unitOf } from "@skyddsnat/hub";
import { type Actor, decide, decideWrite, governingLevel, placeLevelOf, type ProtectionLevel, type Purpose, PURPOSES_BY_ROLE, type RecordFacts, type Role, ROLES, ROLES_BY_AGENCY } from "@skyddsnat/schema";
import { EXPECTED, type Level } from "./support/expected-access.js";
import { factsFromSeed } from "./support/facts.js";
import { type GraphQLResponse, gqlAs } from "./support/http.js";
import { MATRIX_FIELDS, MATRIX_QUERY } from "./support/matrix-fields.js";
import { SCENARIOS } from "./support/scenarios.js";
import { STRANGER, WRITE_CELLS } from "./support/write-cells.js";
import { closeFixtures, householdState, makeHousehold } from "./support/write-fixtures.js";

const LETTER: Record<ProtectionLevel, Level> = { NONE: "N", CONFIDENTIALITY_MARKED: "C", PROTECTED_REGISTRATION: "P", ASSUMED_IDENTITY: "A" };
const HOUSEHOLDS = ["NONE", "CONFIDENTIALITY_MARKED", "PROTECTED_REGISTRATION", "ASSUMED_IDENTITY", "inheritedChild"] as const;

function actorOf(key: string): Actor {
  const [role, staffId, purpose] = key.split(" ") as [Role, string, Purpose];
  const agency = (Object.entries(ROLES_BY_AGENCY).find(([, roles]) => roles.includes(role))?.[0] ?? "audit") as Actor["agency"];
  return { role, staffId, purpose, agency, issuer: "test", ...(unitOf(staffId) ? { unit: unitOf(staffId) } : {}) };
}

/** The matrix's links: a person's lists of an agency's records. */
const isLink = (key: string) => MATRIX_FIELDS.some((field) => field.under === key);

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], data);
}

/**
 * A field is released (a value, no error) or withheld (null and a FORBIDDEN_FIELD error at its
 * path); nothing else. A row missing from a list the actor sees (index -1: another unit holds
 * it) is withheld with its row.
 */
function outcome(response: GraphQLResponse, path: (string | number)[]): "allow" | "redact" {
  if (path.includes(-1)) return "redact";
  const value = valueAt(response.data, path);
  const error = response.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  if (value !== null && value !== undefined) {
    expect(error).toBeUndefined();
    return "allow";
  }
  expect(error?.extensions?.code).toBe("FORBIDDEN_FIELD");
  expect(typeof error?.extensions?.reason).toBe("string");
  return "redact";
}

describe.each(Object.keys(EXPECTED))("%s", (actorKey) => {
  const actor = actorOf(actorKey);

  test.each(HOUSEHOLDS)("household %s: every field matches decide() and the hand-written table", async (name) => {
    const household: Household = SCENARIOS[name];
    const child = household.children[0] as string;
    const response = await gqlAs(actor.role, actor.staffId, MATRIX_QUERY, {
      purpose: actor.purpose,
      variables: { adult: household.adult, child, previousTenant: household.previousTenant },
    });
    expect(response.status).toBe(200);
    const data = response.data as Record<string, unknown>;

    type Cell = { field: string; level: Level; hub: "allow" | "redact"; policy: "allow" | "redact"; hand: "allow" | "redact" };
    const byKey = new Map<string, Cell>();
    // Links first: a record under a withheld link is withheld with it, in the hub, by decide() and by hand.
    const ordered = [...MATRIX_FIELDS.filter((f) => !f.under), ...MATRIX_FIELDS.filter((f) => f.under)];
    for (const field of ordered) {
      // An assumed identity's previous address and incident are her former identity's, not hers.
      if (field.held && !field.held(household)) continue;
      const facts = factsFromSeed(field.subject === "child" ? child : household[field.subject]);
      // A link is the actor's unit's view of her own agency's records; a record is its unit's.
      const ownerUnit = isLink(field.key) ? (field.owner === actor.agency ? (actor.unit ?? null) : null) : (field.unit ?? null);
      const record: RecordFacts = { stewardId: field.steward(household), ownerAgency: field.owner, ownerUnit, current: field.current };
      if (field.occupants) record.placeLevel = placeLevelOf("flat", field.occupants(household).map(factsFromSeed));
      const link = field.under ? byKey.get(field.under) : undefined;
      const policy = decide(actor, facts, field.fieldClass, record, { emergencyGrants: new Set(), now: new Date() }).effect;
      const level = LETTER[governingLevel(facts, field.fieldClass, record) as ProtectionLevel];
      const hand = (EXPECTED[actorKey]?.[field.key] ?? []).includes(level) ? "allow" : "redact";
      const hub = link?.hub === "redact" ? "redact" : outcome(response, field.path(data, household));
      const gone = (own: "allow" | "redact", of: "hub" | "policy" | "hand") => (link && link[of] === "redact" ? "redact" : own);
      byKey.set(field.key, { field: field.key, level, hub, policy: gone(policy, "policy"), hand: gone(hand, "hand") });
    }
    const cells = [...byKey.values()];
    // Compared as one table so a failure shows every disagreeing cell at once.
    expect(cells.filter((c) => c.hub !== c.policy || c.hub !== c.hand)).toEqual([]);
  });
});

describe("writes: every role × every mutation × the relationships that decide it", () => {
  afterAll(closeFixtures);

  test.each(WRITE_CELLS.map((cell) => [`${cell.operation}, ${cell.relation}`, cell] as const))("%s: the hub matches decideWrite() and the hand-written table", async (_, cell) => {
    const rows = [];
    for (const role of ROLES) {
      const actor = actorOf(`${role} ${cell.actor?.[role] ?? STRANGER[role]} ${PURPOSES_BY_ROLE[role][0]}`);
      const household = await makeHousehold(cell.level);
      const before = await householdState(household);
      const response = await gqlAs(actor.role, actor.staffId, cell.mutation(household, actor.staffId), { purpose: actor.purpose });
      const changed = (await householdState(household)) !== before;
      const refusal = response.errors?.[0]?.extensions;
      const hub = response.errors === undefined && (response.data as Record<string, unknown> | null)?.[cell.operation] ? "allow" : refusal?.code === "FORBIDDEN" ? "deny" : `error ${String(refusal?.code)}`;
      const policy = decideWrite(actor, cell.operation, cell.facts(household, actor.staffId), { now: new Date() }).effect;
      const hand = cell.expected.includes(role) ? "allow" : "deny";
      // An allowed write changes something; a refused one leaves everything exactly as it was.
      rows.push({ role, hub, policy, hand, changed: changed === (hub === "allow") });
    }
    expect(rows.filter((r) => r.hub !== r.policy || r.hub !== r.hand || !r.changed)).toEqual([]);
  });
});
