import { type Agency, type Purpose, type Role, requiresUnit } from "@skyddsnat/schema";
import { mintToken, unitOf } from "@skyddsnat/hub";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export function hubUrl(): string {
  const url = process.env.HUB_URL;
  if (!url) throw new Error("HUB_URL is not set: run these tests through the test package's jest config");
  return url;
}

export function subgraphUrls(): Record<string, string> {
  return JSON.parse(process.env.HUB_SUBGRAPH_URLS ?? "{}") as Record<string, string>;
}

/** POSTs a GraphQL operation; `token: null` sends none. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  options: { token?: string | null; variables?: Record<string, unknown>; url?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(options.url ?? hubUrl(), {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
  return { status: response.status, ...body };
}

export interface As {
  agency: Agency;
  role: Role;
  sub: string;
  purpose?: Purpose;
}

const ROLE_AGENCY: Record<Role, Agency> = {
  SOCIAL_SECRETARY: "social-services",
  CONTACT_PERSON: "social-services",
  HOUSING_OFFICER: "housing",
  POLICE_LIAISON: "police-liaison",
  CHILD_SERVICES_OFFICER: "child-services",
  AUDITOR: "audit",
  TEAM_LEAD: "social-services",
  PERSONAL_SECURITY: "police-liaison",
  POPULATION_REGISTER: "population-register",
  SOCIAL_ON_CALL: "social-services",
};

/**
 * The unit a test's token names: her unit in the demo staff directory; for an id the directory
 * does not know (a stranger to every household), a unit of her agency that holds no record.
 */
export function unitFor(role: Role, sub: string): string | undefined {
  const own = unitOf(sub);
  if (own?.startsWith(`${ROLE_AGENCY[role]}/`)) return own;
  return requiresUnit(role) ? `${ROLE_AGENCY[role]}/elsewhere` : undefined;
}

/**
 * A real token from the role's agency issuer (the dev keys the hub trusts). `unit` overrides the
 * unit it names (null: none).
 */
export function tokenFor(role: Role, sub: string, purpose?: Purpose, unit?: string | null): Promise<string> {
  const named = unit === undefined ? unitFor(role, sub) : unit;
  return mintToken({ agency: ROLE_AGENCY[role], role, sub, unit: named ?? null, ...(purpose ? { purpose } : {}) });
}

export async function gqlAs<T = Record<string, unknown>>(
  role: Role,
  sub: string,
  query: string,
  options: { purpose?: Purpose; variables?: Record<string, unknown>; unit?: string | null } = {},
): Promise<GraphQLResponse<T>> {
  return gql<T>(query, { token: await tokenFor(role, sub, options.purpose, options.unit), variables: options.variables ?? {} });
}
