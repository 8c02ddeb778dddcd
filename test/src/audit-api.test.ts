import { describe, expect, test } from "@jest/globals";
import { buildPopulation, mintToken } from "@skyddsnat/hub";
import { recordsOf, withAuditOwner } from "./support/audit-db.js";
import { grantEmergency } from "./support/emergency.js";
import { gqlAs, hubUrl, tokenFor } from "./support/http.js";
import { SCENARIOS } from "./support/scenarios.js";

const her = SCENARIOS.ASSUMED_IDENTITY;
const herRecord = buildPopulation().socialServices.persons.find((p) => p.id === her.adult)!;
const SECRETS = [herRecord.streetAddress!, herRecord.givenName, herRecord.identityNumber, herRecord.phone!];

async function send(token: string, query: string) {
  const response = await fetch(hubUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
  return { requestId: response.headers.get("x-request-id") ?? "", ...body };
}

const ADDRESS = `{ person(id: "${her.adult}") { streetAddress cases { assessment } } }`;
const police = (purpose: "EMERGENCY" | "CASE_WORK") => tokenFor("POLICE_LIAISON", "pl-4001", purpose);
const auditor = () => tokenFor("AUDITOR", "au-6001");

describe("break-the-glass", () => {
  let grantId = "";

  test("without a grant, stating an emergency opens nothing", async () => {
    const response = await send(await police("EMERGENCY"), ADDRESS);
    expect(response.data?.person.streetAddress).toBeNull();
  });

  test("a grant needs a stated reason", async () => {
    const response = await send(await police("EMERGENCY"), `mutation { requestEmergencyAccess(input: { subjectId: "${her.adult}", reason: "urgent" }) { id } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("a granted emergency opens the location, for 30 minutes by default, under the EMERGENCY ground only, and marks the records", async () => {
    grantId = await grantEmergency({ subjectId: her.adult, reason: "Hot om våld pågår enligt larm; behöver var hon befinner sig." });
    const mine = await send(await police("EMERGENCY"), `{ myEmergencyRequests { id status decidedBy decidedAt expiresAt ground } }`);
    const grant = ((mine.data?.myEmergencyRequests ?? []) as { id: string; decidedAt: string; expiresAt: string }[]).find((g) => g.id === grantId);
    expect(grant).toMatchObject({ status: "GRANTED", decidedBy: "oc-9001", ground: "NECESSITY" });
    expect(Date.parse(grant?.expiresAt ?? "") - Date.parse(grant?.decidedAt ?? "")).toBe(30 * 60_000);

    const opened = await send(await police("EMERGENCY"), ADDRESS);
    expect(opened.data?.person.streetAddress).toBe(herRecord.streetAddress);
    // It widens only what the policy says emergencies may see: not social services' case, not even that there is one.
    expect(opened.data?.person.cases).toBeNull();
    expect(await recordsOf(opened.requestId)).toContainEqual(expect.objectContaining({ decision: "ALLOW", emergency: true, rule: "emergency-ground", subjectId: her.adult }));

    const ordinaryGround = await send(await police("CASE_WORK"), ADDRESS);
    expect(ordinaryGround.data?.person.streetAddress).toBeNull();
  });

  // Expiry, with a clock moved past it, is in emergency-disclosure.test.ts: the expiry is in the
  // grant's digest, so moving it in the table is tampering (the verifier's GRANT_CHANGED), not expiry.

  test("unreviewed emergencies are queued and counted; nobody reviews one she asked for or granted", async () => {
    const queue = await send(await auditor(), `{ emergencyReviewQueue { unreviewed grants { id staffId decidedBy subjectId reason } } }`);
    const before = queue.data?.emergencyReviewQueue.unreviewed as number;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(queue.data?.emergencyReviewQueue.grants).toContainEqual(expect.objectContaining({ id: grantId, staffId: "pl-4001", decidedBy: "oc-9001", subjectId: her.adult }));

    const review = (token: string) =>
      send(token, `mutation { reviewEmergencyAccess(input: { grantId: "${grantId}", outcome: "JUSTIFIED", note: "Larmet bekräftat av LKC." }) { reviewedBy outcome } }`);
    // The same staff id holding an auditor's token still may not review her own emergency, nor the one she granted.
    const self = await review(await mintToken({ agency: "audit", role: "AUDITOR", sub: "pl-4001" }));
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "OWN_EMERGENCY_REQUEST" });
    const granter = await review(await mintToken({ agency: "audit", role: "AUDITOR", sub: "oc-9001" }));
    expect(granter.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "OWN_EMERGENCY_DISCLOSURE" });
    expect((await review(await tokenFor("SOCIAL_SECRETARY", "ss-1001"))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const reviewed = await review(await auditor());
    expect(reviewed.data?.reviewEmergencyAccess).toEqual({ reviewedBy: "au-6001", outcome: "JUSTIFIED" });
    const after = await send(await auditor(), `{ emergencyReviewQueue { unreviewed } }`);
    expect(after.data?.emergencyReviewQueue.unreviewed).toBe(before - 1);
    expect((await review(await tokenFor("AUDITOR", "au-6002"))).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ALREADY_REVIEWED" });
  });
});

describe("the auditors' API", () => {
  test("search by person, paged, shows who saw what and why — ids and paths only", async () => {
    const query = (after: string | null) =>
      `{ auditRecords(filter: { subjectId: "${her.adult}" }, first: 2${after ? `, after: "${after}"` : ""}) { nodes { seq kind actorStaffId actorRole purpose subjectId fieldPaths decision reason emergency } pageInfo { hasNextPage endCursor } } }`;
    const first = await send(await auditor(), query(null));
    expect(first.errors).toBeUndefined();
    const page = first.data?.auditRecords;
    expect(page.nodes).toHaveLength(2);
    expect(page.nodes.every((n: { subjectId: string }) => n.subjectId === her.adult)).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await send(await auditor(), query(page.pageInfo.endCursor));
    expect(Number(second.data?.auditRecords.nodes[0].seq)).toBeLessThan(Number(page.nodes[1].seq));
    for (const secret of SECRETS) expect(JSON.stringify([first, second])).not.toContain(secret);
  });

  test("filters by ground, emergency flag, decision, agency and time", async () => {
    const response = await send(
      await auditor(),
      `{ auditRecords(filter: { emergency: true, purpose: "EMERGENCY", agency: "police-liaison", decision: "ALLOW", from: "2026-01-01T00:00:00Z" }, first: 50) { nodes { emergency purpose actorAgency decision } } }`,
    );
    const nodes = response.data?.auditRecords.nodes as { emergency: boolean; purpose: string; actorAgency: string; decision: string }[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.emergency && n.purpose === "EMERGENCY" && n.actorAgency === "police-liaison" && n.decision === "ALLOW")).toBe(true);
  });

  test("a person's access history, and the chain's status", async () => {
    const response = await send(await auditor(), `{ subjectAccessHistory(subjectId: "${her.adult}", first: 100) { nodes { kind actorStaffId } } auditChainStatus { ok records problem } }`);
    expect(response.data?.subjectAccessHistory.nodes).toContainEqual(expect.objectContaining({ kind: "EMERGENCY_REQUESTED", actorStaffId: "pl-4001" }));
    expect(response.data?.subjectAccessHistory.nodes).toContainEqual(expect.objectContaining({ kind: "EMERGENCY_GRANTED", actorStaffId: "oc-9001" }));
    expect(response.data?.auditChainStatus).toMatchObject({ ok: true, problem: null });
  });

  test("every auditor query is itself audited", async () => {
    const response = await send(await auditor(), `{ auditRecords(first: 1) { nodes { seq } } }`);
    expect(await recordsOf(response.requestId)).toContainEqual(expect.objectContaining({ kind: "AUDIT_QUERY", actorStaffId: "au-6001" }));
  });

  test("nobody but an auditor reads the log", async () => {
    for (const [role, sub] of [["SOCIAL_SECRETARY", "ss-1001"], ["POLICE_LIAISON", "pl-4001"], ["CONTACT_PERSON", "cp-2001"]] as const) {
      const response = await gqlAs(role, sub, `{ auditRecords(first: 5) { nodes { seq } } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(response.data).toBeNull();
    }
  });

  test("export as NDJSON and CSV, filtered; auditors only; no values", async () => {
    const base = hubUrl().replace(/\/graphql$/, "");
    const get = async (format: string, token: string | null) =>
      fetch(`${base}/audit/export?format=${format}&subjectId=${her.adult}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ndjson = await get("ndjson", await auditor());
    expect(ndjson.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await ndjson.text()).trim().split("\n").map((line) => JSON.parse(line) as { subjectId: string });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => line.subjectId === her.adult)).toBe(true);
    const csv = await (await get("csv", await auditor())).text();
    expect(csv.split("\n")[0]).toBe("seq,at,kind,requestId,actorStaffId,actorAgency,actorRole,actorIssuer,clientId,purpose,subjectId,fieldPaths,decision,reason,rule,emergency,operationHash,hash");
    for (const secret of SECRETS) expect(csv + JSON.stringify(lines)).not.toContain(secret);
    expect((await get("csv", await tokenFor("SOCIAL_SECRETARY", "ss-1001"))).status).toBe(403);
    expect((await get("csv", null)).status).toBe(401);
    expect((await get("xml", await auditor())).status).toBe(400);
  });
});

describe("under concurrent load the chain stays whole", () => {
  test("80 parallel protected reads (16 at a time, loopback) leave 80 records and an intact chain", async () => {
    const token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
    const target = SCENARIOS.PROTECTED_REGISTRATION.adult;
    const requestIds: string[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const responses = await Promise.all(Array.from({ length: 16 }, () => send(token, `{ person(id: "${target}") { streetAddress } }`)));
      for (const response of responses) {
        expect(response.data?.person.streetAddress).toEqual(expect.any(String));
        requestIds.push(response.requestId);
      }
    }
    expect(new Set(requestIds).size).toBe(80);
    const counts = await withAuditOwner((c) =>
      c.query(`SELECT count(*)::int AS n FROM "AuditRecord" WHERE "requestId" = ANY($1) AND kind = 'FIELD_ACCESS'`, [requestIds]),
    );
    expect(counts.rows[0].n).toBe(80);
    const status = await send(await auditor(), `{ auditChainStatus { ok records problem } }`);
    expect(status.data?.auditChainStatus).toMatchObject({ ok: true, problem: null });
  });
});
