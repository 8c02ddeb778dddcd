// Schema, role and channel names end up inside SQL text (search_path, DROP SCHEMA, SET ROLE, LISTEN), where they
// cannot be bound as parameters: accept only plain lower-case identifiers, so no quoting arises.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string, what: "schema" | "role" | "channel"): void {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`invalid Postgres ${what} name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  }
}
