import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, test } from "@jest/globals";
import { AUDIT_WRITER_ROLE, AuditWriter, chain, GENESIS_HASH, loginAs, openAuditStore, signCheckpoint, verifyStoredChain, type AuditEntry } from "@skyddsnat/gateway";
import { PendingMigrationsError } from "@skyddsnat/platform";
import { buildPopulation, ensureDevKeys, mintToken } from "@skyddsnat/hub";
import pg from "pg";
import { recordsOf, withAuditOwner } from "./support/audit-db.js";
import { TEST_DATABASE_URL } from "./support/database-url.mjs";
import { hubUrl, tokenFor } from "./support/http.js";
import { BYSTANDER, openCaseOf, QUIET_CLIENTS, SCENARIOS } from "./support/scenarios.js";

const her = SCENARIOS.PROTECTED_REGISTRATION;
const ordinary = SCENARIOS.NONE;
const herRecord = buildPopulation().socialServices.persons.find((p) => p.id === her.adult)!;
const bystander = { id: BYSTANDER };

/** Sends a query and returns the body with the request id the gateway assigned. */
async function send(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(hubUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: { path?: unknown[]; extensions?: Record<string, unknown> }[] };
  return { requestId: response.headers.get("x-request-id") ?? "", status: response.status, ...body };
}

describe("every access to protected data is recorded", () => {
  test("a protected access leaves exactly one record: who, which person, which fields, decision, ground", async () => {
    const query = `{ person(id: "${her.adult}") { id givenName streetAddress } }`;
    const response = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), query);
    expect(response.data?.person.streetAddress).toBe(herRecord.streetAddress);
    const records = await recordsOf(response.requestId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: "FIELD_ACCESS",
      actorStaffId: "ss-1001",
      actorAgency: "social-services",
      actorRole: "SOCIAL_SECRETARY",
      actorIssuer: "https://idp.social-services.kommun.example",
      purpose: "CASE_WORK",
      subjectId: her.adult,
      decision: "ALLOW",
      rule: expect.any(String),
      emergency: false,
      // Keyed (HMAC under the audit key): see side-doors.test.ts.
      operationHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(records[0]?.fieldPaths.sort()).toEqual(["Person.givenName at person.givenName", "Person.streetAddress at person.streetAddress"]);
    // The record names fields, never their values.
    expect(JSON.stringify(records)).not.toContain(herRecord.streetAddress);
    expect(JSON.stringify(records)).not.toContain(herRecord.givenName);
  });

  test("an access to an unprotected person's data is recorded too: every access, not only to the protected (OSL 26 kap. 1 §)", async () => {
    // Her own secretary (only staff who handle her see her name: no directory).
    const response = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), `{ person(id: "${ordinary.adult}") { givenName } }`);
    expect(response.data?.person.givenName).toEqual(expect.any(String));
    expect(await recordsOf(response.requestId)).toEqual([
      expect.objectContaining({ kind: "FIELD_ACCESS", decision: "ALLOW", subjectId: ordinary.adult, fieldPaths: ["Person.givenName at person.givenName"] }),
    ]);
  });

  test("opaque references alone are no access to what a person is: no field record", async () => {
    const response = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), `{ person(id: "${ordinary.adult}") { id } }`);
    expect(response.data?.person.id).toBe(ordinary.adult);
    expect(await recordsOf(response.requestId)).toEqual([]);
  });

  test("a withheld field is recorded as a refusal with its reason", async () => {
    const response = await send(await tokenFor("POLICE_LIAISON", "pl-4001"), `{ person(id: "${her.adult}") { streetAddress } }`);
    expect(response.data?.person.streetAddress).toBeNull();
    const records = await recordsOf(response.requestId);
    expect(records).toEqual([expect.objectContaining({ decision: "REDACT", reason: "REQUIRES_EMERGENCY_GROUND", subjectId: her.adult, fieldPaths: ["Person.streetAddress at person.streetAddress"] })]);
  });

  test("a request refused at the door is recorded too", async () => {
    const expired = await mintToken({ agency: "housing", role: "HOUSING_OFFICER", sub: "ho-3001", expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const response = await send(expired, `{ person(id: "${her.adult}") { streetAddress } }`);
    expect(response.status).toBe(401);
    const requestId = response.errors?.[0]?.extensions?.requestId as string;
    expect(await recordsOf(requestId)).toEqual([expect.objectContaining({ kind: "REQUEST_DENIED", decision: "DENY", reason: "EXPIRED" })]);
  });

  test("a mutation the actor's role may not perform is recorded as intended, then refused, and nothing else is", async () => {
    const query = `mutation { openCase(input: { subjectId: "${her.adult}", type: PROTECTION_AND_SUPPORT, assessment: "A long enough assessment text." }) { id } }`;
    const response = await send(await tokenFor("HOUSING_OFFICER", "ho-3001"), query);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", operation: "openCase" });
    expect(await recordsOf(response.requestId)).toEqual([
      expect.objectContaining({ kind: "CHANGE_INTENDED", actorStaffId: "ho-3001", subjectId: her.adult, fieldPaths: ["Mutation.openCase", `input.subjectId=${her.adult}`] }),
      expect.objectContaining({
        kind: "REQUEST_DENIED",
        actorStaffId: "ho-3001",
        actorRole: "HOUSING_OFFICER",
        fieldPaths: ["Mutation.openCase"],
        decision: "DENY",
        reason: "NOT_PERMITTED_FOR_ROLE",
        // Keyed (HMAC under the audit key): see side-doors.test.ts.
        operationHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  test("consent, assignment and protection-level changes are recorded; those that widen access are flagged ACCESS_WIDENED", async () => {
    const client = QUIET_CLIENTS[QUIET_CLIENTS.length - 1] as string;
    const onCase = openCaseOf(client);
    const consent = await send(
      await tokenFor("SOCIAL_SECRETARY", onCase.socialSecretary),
      `mutation { recordConsent(input: { subjectId: "${client}", recipientAgency: housing, recipientUnit: "housing/malmo", givenBy: "${client}", form: WRITTEN, purpose: COORDINATED_SUPPORT, scope: [STATUS], validFrom: "${new Date(Date.now() - 86_400_000).toISOString()}", validTo: "${new Date(Date.now() + 90 * 86_400_000).toISOString()}" }) { id } }`,
    );
    expect(consent.errors).toBeUndefined();
    expect(await recordsOf(consent.requestId)).toContainEqual(
      expect.objectContaining({ kind: "CHANGE", subjectId: client, fieldPaths: ["Mutation.recordConsent"], reason: "ACCESS_WIDENED" }),
    );
    const newcomer = onCase.contactPerson === "cp-2004" ? "cp-2003" : "cp-2004";
    const assignment = await send(
      await tokenFor("SOCIAL_SECRETARY", onCase.owner),
      `mutation { assignStaff(input: { caseId: "${onCase.caseId}", staffId: "${newcomer}", role: CONTACT_PERSON }) { id } }`,
    );
    expect(assignment.errors).toBeUndefined();
    expect(await recordsOf(assignment.requestId)).toContainEqual(
      expect.objectContaining({ kind: "CHANGE", actorStaffId: onCase.owner, fieldPaths: ["Mutation.assignStaff"], reason: "ACCESS_WIDENED" }),
    );
    // The level comes from the population register; raising or lowering it narrows no one's view unseen.
    const level = await send(
      await tokenFor("POPULATION_REGISTER", "pr-8001"),
      `mutation { updateProtectionLevel(input: { subjectId: "${bystander.id}", protectionLevel: CONFIDENTIALITY_MARKED }) { id } }`,
    );
    expect(level.errors).toBeUndefined();
    expect(await recordsOf(level.requestId)).toContainEqual(
      expect.objectContaining({ kind: "CHANGE", subjectId: bystander.id, actorRole: "POPULATION_REGISTER", fieldPaths: ["Mutation.updateProtectionLevel"], reason: null }),
    );
  });
});

describe("fail closed: nothing protected leaves unrecorded", () => {
  const revoke = () => withAuditOwner((c) => c.query(`REVOKE INSERT ON "AuditRecord" FROM skyddsnat_audit_writer`));
  const restore = () => withAuditOwner((c) => c.query(`GRANT INSERT ON "AuditRecord" TO skyddsnat_audit_writer`));
  afterAll(restore);

  test("with the audit store refusing writes, every person's classified fields are withheld (AUDIT_UNAVAILABLE), protected or not; references flow", async () => {
    await revoke();
    try {
      const token = await tokenFor("SOCIAL_SECRETARY", "ss-1001");
      const response = await send(token, `{ her: person(id: "${her.adult}") { id streetAddress } other: person(id: "${ordinary.adult}") { id streetAddress } }`);
      expect(response.data?.her.id).toBe(her.adult);
      expect(response.data?.other.id).toBe(ordinary.adult);
      expect(response.data?.her.streetAddress).toBeNull();
      expect(response.data?.other.streetAddress).toBeNull();
      for (const key of ["her", "other"]) {
        expect(response.errors).toContainEqual(expect.objectContaining({ path: [key, "streetAddress"], extensions: expect.objectContaining({ code: "FORBIDDEN_FIELD", reason: "AUDIT_UNAVAILABLE" }) }));
      }
      expect(JSON.stringify(response)).not.toContain(herRecord.streetAddress);
    } finally {
      await restore();
    }
    // And once the store is back, the same request releases the value again.
    const again = await send(await tokenFor("SOCIAL_SECRETARY", "ss-1001"), `{ person(id: "${her.adult}") { streetAddress } }`);
    expect(again.data?.person.streetAddress).toBe(herRecord.streetAddress);
  });
});

describe("the audit trail is append-only", () => {
  test("the role the hub writes with cannot update or delete audit rows", async () => {
    const writer = new pg.Client({ connectionString: TEST_DATABASE_URL, options: "-c search_path=audit -c role=skyddsnat_audit_writer" });
    await writer.connect();
    try {
      await expect(writer.query(`UPDATE "AuditRecord" SET decision = 'ALLOW'`)).rejects.toThrow(/permission denied/);
      await expect(writer.query(`DELETE FROM "AuditRecord"`)).rejects.toThrow(/permission denied/);
      await expect(writer.query(`TRUNCATE "AuditRecord"`)).rejects.toThrow(/permission denied/);
    } finally {
      await writer.end();
    }
  });

  test("even the table's owner is stopped by the trigger", async () => {
    await withAuditOwner(async (owner) => {
      await expect(owner.query(`UPDATE "AuditRecord" SET decision = 'ALLOW' WHERE seq = 1`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM "AuditRecord" WHERE seq = 1`)).rejects.toThrow(/append-only/);
    });
  });
});

describe("the verifier finds the first tampered record", () => {
  const keys = ensureDevKeys();
  let counter = 0;

  /** A fresh chain of ten records in a scratch schema, and a tamperer that can bypass the trigger. */
  async function freshChain() {
    const schema = `audit_tamper_${process.pid}_${counter++}`;
    const store = await openAuditStore({ url: TEST_DATABASE_URL }, { schema, reset: true });
    const entries: AuditEntry[] = Array.from({ length: 10 }, (_, i) => ({
      id: `rec-${i}`,
      at: new Date(Date.UTC(2026, 10, 24, 12, 0, i)),
      kind: "FIELD_ACCESS",
      requestId: `req-${i}`,
      actorStaffId: "ss-1001",
      actorAgency: "social-services",
      actorRole: "SOCIAL_SECRETARY",
      actorIssuer: "test",
      clientId: null,
      purpose: "CASE_WORK",
      subjectId: `per_${i}`,
      fieldPaths: ["person.streetAddress"],
      decision: "ALLOW",
      reason: null,
      rule: "social-secretary-holds-the-whole-case",
      emergency: false,
      operationHash: "h",
    }));
    const { auditChainKey } = await keys;
    await new AuditWriter(store.prisma, auditChainKey).append(entries);
    const tamper = (sql: string) =>
      withAuditOwner((c) => c.query(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin`), schema);
    const verify = async () => verifyStoredChain(store.prisma, { chainKey: auditChainKey, publicJwks: (await keys).gateway.publicJwks });
    return { store, schema, tamper, verify, drop: async () => {
      await store.close();
      await withAuditOwner((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
    } };
  }

  test("an intact chain verifies", async () => {
    const chainUnderTest = await freshChain();
    try {
      expect(await chainUnderTest.verify()).toMatchObject({ ok: true, records: 10 });
    } finally {
      await chainUnderTest.drop();
    }
  });

  test.each([
    ["a changed record", `UPDATE "AuditRecord" SET decision = 'REDACT' WHERE seq = 4`, "4", "CHANGED"],
    ["a deleted record", `DELETE FROM "AuditRecord" WHERE seq = 6`, "6", "REMOVED"],
    ["a removed record with the rest renumbered", `DELETE FROM "AuditRecord" WHERE seq = 6; UPDATE "AuditRecord" SET seq = seq - 1 WHERE seq > 6`, "6", "REMOVED"],
    ["two swapped records", `UPDATE "AuditRecord" SET seq = -5 WHERE seq = 5; UPDATE "AuditRecord" SET seq = 5 WHERE seq = 6; UPDATE "AuditRecord" SET seq = 6 WHERE seq = -5`, "5", "REORDERED"],
  ])("%s is reported, with the first bad sequence number", async (_name, sql, seq, problem) => {
    const chainUnderTest = await freshChain();
    try {
      await chainUnderTest.tamper(sql);
      const report = await chainUnderTest.verify();
      expect(report.ok).toBe(false);
      expect(report.firstProblem).toMatchObject({ seq, problem });
    } finally {
      await chainUnderTest.drop();
    }
  });

  test("an inserted record, hashed correctly by a tamperer who even holds the chain key, is reported where the chain breaks", async () => {
    const chainUnderTest = await freshChain();
    try {
      const prev = await withAuditOwner((c) => c.query(`SELECT hash FROM "AuditRecord" WHERE seq = 2`), chainUnderTest.schema);
      const forged: AuditEntry = { id: "forged", at: new Date(), kind: "FIELD_ACCESS", requestId: "forged", actorStaffId: "ss-1001", actorAgency: "social-services", actorRole: "SOCIAL_SECRETARY", actorIssuer: "test", clientId: null, purpose: "CASE_WORK", subjectId: "per_x", fieldPaths: [], decision: "ALLOW", reason: null, rule: null, emergency: false, operationHash: "h" };
      const [row] = chain((await keys).auditChainKey, { seq: 2n, hash: prev.rows[0].hash }, [forged]);
      await chainUnderTest.tamper(
        `UPDATE "AuditRecord" SET seq = seq + 100 WHERE seq >= 3; UPDATE "AuditRecord" SET seq = seq - 99 WHERE seq >= 103;
         INSERT INTO "AuditRecord" (seq, id, at, kind, "requestId", "actorStaffId", "actorAgency", "actorRole", "actorIssuer", purpose, "subjectId", "fieldPaths", decision, emergency, "operationHash", "prevHash", hash)
         VALUES (3, 'forged', '${row!.at.toISOString()}', 'FIELD_ACCESS', 'forged', 'ss-1001', 'social-services', 'SOCIAL_SECRETARY', 'test', 'CASE_WORK', 'per_x', '{}', 'ALLOW', false, 'h', '${row!.prevHash}', '${row!.hash}')`,
      );
      expect((await chainUnderTest.verify()).firstProblem).toMatchObject({ seq: "4", problem: "INSERTED" });
    } finally {
      await chainUnderTest.drop();
    }
  });

  test("a record appended after the newest one by someone without the chain key is reported, even before any checkpoint", async () => {
    const chainUnderTest = await freshChain();
    try {
      const head = await withAuditOwner((c) => c.query(`SELECT hash FROM "AuditRecord" WHERE seq = 10`), chainUnderTest.schema);
      const forged: AuditEntry = { id: "forged-tail", at: new Date(Date.UTC(2026, 10, 24, 12, 1)), kind: "FIELD_ACCESS", requestId: "forged", actorStaffId: "ss-1001", actorAgency: "social-services", actorRole: "SOCIAL_SECRETARY", actorIssuer: "test", clientId: null, purpose: "CASE_WORK", subjectId: "per_x", fieldPaths: [], decision: "ALLOW", reason: null, rule: null, emergency: false, operationHash: "h" };
      // Linked exactly as the gateway links records, but under a key of the forger's own.
      const [row] = chain(randomBytes(32), { seq: 10n, hash: head.rows[0].hash }, [forged]);
      await chainUnderTest.tamper(
        `INSERT INTO "AuditRecord" (seq, id, at, kind, "requestId", "actorStaffId", "actorAgency", "actorRole", "actorIssuer", purpose, "subjectId", "fieldPaths", decision, emergency, "operationHash", "prevHash", hash)
         VALUES (11, 'forged-tail', '${forged.at.toISOString()}', 'FIELD_ACCESS', 'forged', 'ss-1001', 'social-services', 'SOCIAL_SECRETARY', 'test', 'CASE_WORK', 'per_x', '{}', 'ALLOW', false, 'h', '${row!.prevHash}', '${row!.hash}')`,
      );
      expect((await chainUnderTest.verify()).firstProblem).toMatchObject({ seq: "11", problem: "CHANGED" });
    } finally {
      await chainUnderTest.drop();
    }
  });

  test("removing the newest records is caught by the signed checkpoint", async () => {
    const chainUnderTest = await freshChain();
    try {
      await signCheckpoint(chainUnderTest.store.prisma, (await keys).gateway);
      await chainUnderTest.tamper(`DELETE FROM "AuditRecord" WHERE seq >= 9`);
      expect((await chainUnderTest.verify()).firstProblem).toMatchObject({ seq: "10", problem: "TRUNCATED" });
    } finally {
      await chainUnderTest.drop();
    }
  });

  test("the CLI exits non-zero on a tampered chain and zero on an intact one", async () => {
    const { execFile } = await import("node:child_process");
    const run = (schema: string) =>
      new Promise<number>((resolve) => {
        const child = execFile("node", [new URL("../../infra/hub/dist/cli/audit-verify.js", import.meta.url).pathname], {
          env: { ...process.env, AUDIT_DATABASE_URL: TEST_DATABASE_URL, AUDIT_SCHEMA: schema },
        });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    const chainUnderTest = await freshChain();
    try {
      expect(await run(chainUnderTest.schema)).toBe(0);
      await chainUnderTest.tamper(`UPDATE "AuditRecord" SET "subjectId" = 'per_other' WHERE seq = 2`);
      expect(await run(chainUnderTest.schema)).toBe(1);
    } finally {
      await chainUnderTest.drop();
    }
  });

  test("chaining is deterministic under one key, starts from the genesis hash, and differs under another key", async () => {
    const entry: AuditEntry = { id: "x", at: new Date(0), kind: "CHANGE", requestId: "r", actorStaffId: null, actorAgency: null, actorRole: null, actorIssuer: null, clientId: null, purpose: null, subjectId: null, fieldPaths: [], decision: "RECORDED", reason: null, rule: null, emergency: false, operationHash: "" };
    const { auditChainKey } = await keys;
    const [first] = chain(auditChainKey, { seq: 0n, hash: GENESIS_HASH }, [entry]);
    const [again] = chain(auditChainKey, { seq: 0n, hash: GENESIS_HASH }, [entry]);
    const [otherKey] = chain(randomBytes(32), { seq: 0n, hash: GENESIS_HASH }, [entry]);
    expect(first?.prevHash).toBe(GENESIS_HASH);
    expect(first?.seq).toBe(1n);
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(again?.hash).toBe(first?.hash);
    expect(otherKey?.hash).not.toBe(first?.hash);
  });
});

describe("a store opened without migrating (a deployment's gateway, MIGRATE=never)", () => {
  const schema = `audit_never_${process.pid}`;
  const writerUrl = loginAs(TEST_DATABASE_URL, AUDIT_WRITER_ROLE);
  afterAll(() => withAuditOwner((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)));

  test("before the owner has migrated it, the writer's login is refused with the pending migrations named; nothing is created", async () => {
    const refused = await openAuditStore({ writerUrl }, { schema, migrate: "never" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PendingMigrationsError);
    expect((refused as PendingMigrationsError).pending.length).toBeGreaterThan(0);
    const created = await withAuditOwner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`, [schema])).rows);
    expect(created).toEqual([{ n: 0 }]);
  });

  test("after it, the writer's login alone opens it and may only append; a more powerful login, or a reset, is refused", async () => {
    await (await openAuditStore({ url: TEST_DATABASE_URL }, { schema })).close();
    const store = await openAuditStore({ writerUrl }, { schema, migrate: "never" });
    try {
      expect(await store.db.query(`SELECT current_user AS role`)).toEqual([{ role: AUDIT_WRITER_ROLE }]);
      await expect(store.db.query(`DELETE FROM "AuditRecord"`)).rejects.toThrow(/permission denied/);
    } finally {
      await store.close();
    }
    // The server's superuser as the "writer": the append-only check refuses it.
    await expect(openAuditStore({ writerUrl: TEST_DATABASE_URL }, { schema, migrate: "never" })).rejects.toThrow(/append-only rights/);
    await expect(openAuditStore({ writerUrl }, { schema, migrate: "never", reset: true })).rejects.toThrow(/reset needs the owner/);
  });
});

describe("gateway replicas append to one chain", () => {
  const keys = ensureDevKeys();

  /** Two stores on one scratch schema, each with its own connection pool: two replicas. */
  async function twoReplicas() {
    const schema = `audit_replicas_${process.pid}`;
    const first = await openAuditStore({ url: TEST_DATABASE_URL }, { schema, reset: true });
    const second = await openAuditStore({ url: TEST_DATABASE_URL }, { schema });
    return {
      first,
      second,
      drop: async () => {
        await first.close();
        await second.close();
        await withAuditOwner((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
      },
    };
  }

  let n = 0;
  const entry = (fields: Partial<AuditEntry> = {}): AuditEntry => ({
    id: `replica-${n++}`,
    at: new Date(Date.UTC(2026, 10, 28, 9, 0, 0, n)),
    kind: "FIELD_ACCESS",
    requestId: `req-${n}`,
    actorStaffId: "cp-2001",
    actorAgency: "social-services",
    actorRole: "CONTACT_PERSON",
    actorIssuer: "test",
    clientId: null,
    purpose: "CASE_WORK",
    subjectId: `per_${n % 7}`,
    fieldPaths: ["persons.nodes.0.streetAddress"],
    decision: "ALLOW",
    reason: null,
    rule: "contact-person-on-open-case",
    emergency: false,
    operationHash: "h",
    ...fields,
  });

  test("racing writers on two replicas, optimistic and locking, leave one contiguous chain with every record once", async () => {
    const replicas = await twoReplicas();
    try {
      const { auditChainKey } = await keys;
      const writers = [
        new AuditWriter(replicas.first.prisma, auditChainKey),
        new AuditWriter(replicas.second.prisma, auditChainKey),
        new AuditWriter(replicas.second.prisma, auditChainKey, { optimisticAttempts: 0 }),
      ];
      const batches = Array.from({ length: 90 }, (_, i) => Array.from({ length: 1 + (i % 3) }, () => entry()));
      await Promise.all(batches.map((batch, i) => writers[i % writers.length]!.append(batch)));

      const report = await verifyStoredChain(replicas.first.prisma, { chainKey: auditChainKey, publicJwks: (await keys).gateway.publicJwks });
      const written = batches.flat();
      expect(report).toMatchObject({ ok: true, records: written.length });
      const stored = await replicas.first.prisma.auditRecord.findMany({ select: { id: true }, orderBy: { seq: "asc" } });
      expect(stored.map((r) => r.id).sort()).toEqual(written.map((e) => e.id).sort());
    } finally {
      await replicas.drop();
    }
  });

  test("a writer whose remembered head another replica has moved appends after it, and every value round-trips exactly", async () => {
    const replicas = await twoReplicas();
    try {
      const { auditChainKey } = await keys;
      const a = new AuditWriter(replicas.first.prisma, auditChainKey);
      const b = new AuditWriter(replicas.second.prisma, auditChainKey);
      const tricky = entry({
        subjectId: null,
        clientId: "frontend \"kontaktperson\"",
        fieldPaths: ["a,b", "{c}", "d\"e", "Åsa Öberg\\", ""],
        reason: "AUDIT_UNAVAILABLE",
        rule: null,
        emergency: true,
        at: new Date(Date.UTC(2026, 0, 31, 23, 59, 59, 999)),
      });
      await a.append([entry()]);
      await b.append([entry(), entry()]);
      await a.append([tricky, entry({ fieldPaths: [] })]);

      expect(await verifyStoredChain(replicas.first.prisma, { chainKey: auditChainKey, publicJwks: (await keys).gateway.publicJwks })).toMatchObject({ ok: true, records: 5 });
      const stored = await replicas.first.prisma.auditRecord.findUniqueOrThrow({ where: { id: tricky.id } });
      expect(stored.seq).toBe(4n);
      const { seq: _seq, prevHash: _prev, hash: _hash, ...values } = stored;
      expect(values).toEqual(tricky);
      const [head] = await replicas.first.db.query<{ seq: string }>(`SELECT seq::text FROM "ChainHead"`);
      expect(head?.seq).toBe("5");
    } finally {
      await replicas.drop();
    }
  });
});
