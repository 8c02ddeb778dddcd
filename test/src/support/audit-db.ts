import pg from "pg";
import { TEST_DATABASE_URL } from "./database-url.mjs";

/** The audit store as its owner sees it (tests only): to read records and to play the tamperer. */
export async function withAuditOwner<T>(work: (client: pg.Client) => Promise<T>, schema = "audit"): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface AuditRow {
  seq: string;
  kind: string;
  requestId: string;
  actorStaffId: string | null;
  actorAgency: string | null;
  actorRole: string | null;
  actorIssuer: string | null;
  purpose: string | null;
  subjectId: string | null;
  fieldPaths: string[];
  decision: string;
  reason: string | null;
  rule: string | null;
  emergency: boolean;
  operationHash: string;
}

export function recordsOf(requestId: string): Promise<AuditRow[]> {
  return withAuditOwner(async (client) => {
    const result = await client.query(`SELECT *, seq::text AS seq FROM "AuditRecord" WHERE "requestId" = $1 ORDER BY "AuditRecord".seq`, [requestId]);
    return result.rows as AuditRow[];
  });
}
