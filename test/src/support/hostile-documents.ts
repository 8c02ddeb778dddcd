/**
 * Hostile GraphQL documents: the attacks measured in issue 15 and OWASP's GraphQL Cheat Sheet,
 * each with the codes the front door may refuse it with (the first limit a document meets
 * refuses it; a document over several limits may name more than one). Shared by the
 * hostile-input suite and bench/hostile-cost.
 */
export interface HostileDocument {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  codes: string[];
}

const repeat = (n: number, make: (i: number) => string, separator = " ") => Array.from({ length: n }, (_, i) => make(i)).join(separator);

export function HOSTILE_DOCUMENTS(personId: string): HostileDocument[] {
  const person = `person(id: "${personId}")`;
  return [
    {
      name: "depth 100 (household of household …)",
      query: `{ ${person} { ${"household { ".repeat(99)}id${" }".repeat(99)} } }`,
      codes: ["OPERATION_TOO_DEEP"],
    },
    {
      name: "depth 7, just past the limit",
      query: `{ ${person} { ${"household { ".repeat(5)}id${" }".repeat(5)} } }`,
      codes: ["OPERATION_TOO_DEEP"],
    },
    {
      name: "depth hidden in fragments",
      query: `{ ${person} { ...A } } fragment A on Person { household { ...B } } fragment B on Person { household { ...C } }
              fragment C on Person { household { household { household { household { id } } } } }`,
      codes: ["OPERATION_TOO_DEEP"],
    },
    { name: "10,000 aliases", query: `{ ${repeat(10_000, (i) => `a${i}: ${person} { id }`)} }`, codes: ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS", "TOO_MANY_ALIASES"] },
    { name: "16 aliases, just past the limit", query: `{ ${person} { ${repeat(16, (i) => `a${i}: id`)} } }`, codes: ["TOO_MANY_ALIASES"] },
    { name: "1,000 @skip", query: `{ ${person} { id ${repeat(1000, () => "@skip(if: false)")} } }`, codes: ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS", "TOO_MANY_DIRECTIVES"] },
    {
      name: "directive overloading: 51 directives within the token limit",
      query: `{ ${person} { ${repeat(51, () => "... @include(if: true) { id }")} } }`,
      codes: ["TOO_MANY_DIRECTIVES"],
    },
    {
      name: "1,000 × persons(first: 100)",
      query: `{ ${repeat(1000, (i) => `p${i}: persons(first: 100) { nodes { id } }`)} }`,
      codes: ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS", "TOO_MANY_ALIASES", "TOO_MANY_ROOT_FIELDS", "OPERATION_TOO_COSTLY"],
    },
    { name: "one page too large: persons(first: 10000)", query: "{ persons(first: 10000) { nodes { id } } }", codes: ["OPERATION_TOO_COSTLY"] },
    {
      name: "a page size from a variable",
      query: "query($n: Int!) { persons(first: $n) { nodes { id givenName } } }",
      variables: { n: 5000 },
      codes: ["OPERATION_TOO_COSTLY"],
    },
    {
      name: "lists within lists: every person's cases, incidents, tenancies and households' placements",
      query: `{ persons(first: 100) { nodes { id cases { id assignments { staffId } } incidents { id } tenancies { id } household { schoolPlacements { id } } } } }`,
      codes: ["OPERATION_TOO_COSTLY"],
    },
    {
      name: "field duplication: the same page asked for over and over",
      query: `{ ${repeat(14, () => "persons(first: 100) { nodes { id givenName familyName } }")} }`,
      codes: ["OPERATION_TOO_COSTLY", "TOO_MANY_ROOT_FIELDS"],
    },
    {
      name: "fragment bomb: 15 fragments, each spreading the next twice",
      query: `{ ${person} { ...F0 } } ${repeat(15, (i) => `fragment F${i} on Person { ...F${i + 1} ...F${i + 1} }`)} fragment F15 on Person { id }`,
      codes: ["OPERATION_TOO_COSTLY"],
    },
    {
      name: "fragment bomb with aliases (each level twice under new names)",
      query: `{ ${person} { ...F0 } } ${repeat(15, (i) => `fragment F${i} on Person { a: household { ...F${i + 1} } b: household { ...F${i + 1} } }`)} fragment F15 on Person { id }`,
      codes: ["OPERATION_TOO_DEEP", "TOO_MANY_ALIASES", "OPERATION_TOO_COSTLY"],
    },
    {
      name: "circular fragments",
      query: `{ ${person} { ...A } } fragment A on Person { household { ...B } } fragment B on Person { household { ...A } }`,
      codes: ["GRAPHQL_VALIDATION_FAILED"],
    },
    { name: "100k tokens", query: `{ ${repeat(100_000, () => "a")} }`, codes: ["DOCUMENT_TOO_LARGE", "TOO_MANY_TOKENS"] },
    { name: "1,001 tokens within the length limit", query: `{ ${person} { ${repeat(1000, () => "id", ",")} } }`, codes: ["TOO_MANY_TOKENS"] },
    { name: "a document of comments (no tokens, 20,000 characters)", query: `#${"x".repeat(20_000)}\n{ __typename }`, codes: ["DOCUMENT_TOO_LARGE"] },
    { name: "11 root fields", query: `{ ${repeat(11, (i) => `r${i}: __typename`)} }`, codes: ["TOO_MANY_ROOT_FIELDS"] },
  ];
}
