import { createHash } from "node:crypto";
import { describe, expect, test } from "@jest/globals";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { forbiddenField, maskUnexpectedErrors } from "@skyddsnat/schema";
import { GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { createQueryRunner, type RunnerAnswer } from "./query-runner.js";

/** Resolvers that run count here: a request the runner leaves to Apollo must not have run any. */
const calls = { count: 0 };
const counted =
  <T>(value: (args: Record<string, unknown>) => T) =>
  (_source: unknown, args: Record<string, unknown>) => {
    calls.count += 1;
    return value(args);
  };

const Row = new GraphQLObjectType({
  name: "Row",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString) },
    secret: { type: GraphQLString, resolve: counted(() => Promise.reject(forbiddenField(["rows", 0, "secret"], "PROTECTED_IDENTITY"))) },
    required: { type: new GraphQLNonNull(GraphQLString), resolve: counted(() => null) },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      hello: { type: GraphQLString, args: { times: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: counted((args) => "hej".repeat(args.times as number)) },
      rows: { type: new GraphQLList(Row), resolve: counted(() => [{ id: "a" }, { id: "b" }]) },
      // A fault (a driver error, say): masked by formatError, as Apollo masks it.
      broken: { type: GraphQLString, resolve: counted(() => Promise.reject(new Error("connection to 10.0.0.7 refused"))) },
      refusedWithStatus: {
        type: GraphQLString,
        resolve: counted(() => Promise.reject(new GraphQLError("no", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } }))),
      },
    },
  }),
  mutation: new GraphQLObjectType({ name: "Mutation", fields: { touch: { type: GraphQLString, resolve: counted(() => "touched") } } }),
});

const unexpected: unknown[] = [];
const formatError = maskUnexpectedErrors((error) => unexpected.push(error));
// As the subgraphs configure it (subgraph-server.ts).
const apollo = new ApolloServer({ schema, formatError, includeStacktraceInErrorResponses: false, introspection: true, plugins: [ApolloServerPluginCacheControlDisabled()] });
await apollo.start();

async function apolloAnswer(body: unknown) {
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), search: "", body },
    context: async () => ({}),
  });
  if (result.body.kind !== "complete") throw new Error("Apollo answered in chunks");
  return { status: result.status ?? 200, body: result.body.string, headers: [...result.headers] };
}

const answers: RunnerAnswer[] = [];
const run = createQueryRunner<object>({ schema, formatError, answered: (_context, answer) => answers.push(answer) });

const ROWS = "query Rows { rows { id secret } }";

describe("the subgraph's query runner answers what Apollo Server would, byte for byte", () => {
  const executed: [string, unknown][] = [
    ["a query with variables", { query: "query Hello($n: Int!) { hello(times: $n) }", variables: { n: 2 }, operationName: "Hello" }],
    ["withheld fields (FORBIDDEN_FIELD errors beside the data)", { query: ROWS }],
    ["a fault, masked", { query: "{ broken hello(times: 1) }" }],
    ["null propagation from a non-null field", { query: "{ rows { id required } }" }],
    ["an error that sets the HTTP status", { query: "{ refusedWithStatus }" }],
    ["one operation of several, by name", { query: "query A { hello(times: 1) } query B { rows { id } }", operationName: "B" }],
    ["introspection", { query: "{ __schema { queryType { name } } }" }],
  ];
  test.each(executed)("%s", async (_name, body) => {
    const theirs = await apolloAnswer(body);
    const ours = await run(body, {});
    expect(ours).toEqual({ status: theirs.status, body: theirs.body });
    // The platform sets this content type on the runner's answers; it is the only header Apollo sets.
    expect(theirs.headers).toEqual([["content-type", "application/json; charset=utf-8"]]);
  });

  // Each with the status Apollo answers it with: a refusal before execution is a 400; the mutation
  // runs (200) — through Apollo, whose hooks drop cached facts.
  const declined: [string, unknown, number][] = [
    ["a text that does not parse", { query: "{ hello(" }, 400],
    ["a text that does not validate", { query: "{ nosuchfield }" }, 400],
    ["several operations and no name", { query: "query A { hello(times: 1) } query B { rows { id } }" }, 400],
    ["an operation name that is not in the document", { query: "query A { hello(times: 1) }", operationName: "Z" }, 400],
    ["a variable that does not coerce", { query: "query Hello($n: Int!) { hello(times: $n) }", variables: { n: "two" } }, 400],
    ["a missing required variable", { query: "query Hello($n: Int!) { hello(times: $n) }" }, 400],
    ["a mutation (Apollo's hooks drop cached facts)", { query: "mutation { touch }" }, 200],
    ["persisted-query extensions", { query: "{ rows { id } }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }, 400],
    ["a batch", [{ query: "{ rows { id } }" }], 400],
    ["variables that are not an object", { query: "{ rows { id } }", variables: [1] }, 400],
    ["an operation name that is not a string", { query: "{ rows { id } }", operationName: 7 }, 400],
    ["no query", { variables: {} }, 400],
    ["a body that is not JSON", "{ rows { id } }", 400],
  ];
  test.each(declined)("leaves %s to Apollo, before any resolver runs", async (_name, body, status) => {
    calls.count = 0;
    expect(await run(body, {})).toBeUndefined();
    expect(calls.count).toBe(0);
    expect((await apolloAnswer(body)).status).toBe(status);
  });

  test("reports each answer once: the operation's name, the text's SHA-256 (as Apollo's queryHash), the status and the formatted errors", async () => {
    answers.length = 0;
    await run({ query: ROWS }, {});
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      operationName: "Rows",
      queryHash: createHash("sha256").update(ROWS).digest("hex"),
      status: 200,
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN_FIELD" }) }), expect.anything()],
    });
  });

  test("adds the extensions it is given (the filter exclusions for the audit trail) after the data", async () => {
    const withExtensions = createQueryRunner<{ excluded: string[] }>({ schema, formatError, extensionsOf: (context) => ({ excluded: context.excluded }) });
    const answer = await withExtensions({ query: "{ rows { id } }" }, { excluded: ["per_1"] });
    expect(answer?.body).toBe(`${JSON.stringify({ data: { rows: [{ id: "a" }, { id: "b" }] }, extensions: { excluded: ["per_1"] } })}\n`);
  });

  test("keeps at most maxDocuments documents, and still answers a text it let go of", async () => {
    const small = createQueryRunner<object>({ schema, formatError, maxDocuments: 2 });
    const texts = ["{ hello(times: 1) }", "{ hello(times: 2) }", "{ hello(times: 3) }"];
    for (const query of [...texts, ...texts]) {
      const answer = await small({ query }, {});
      expect(JSON.parse(answer?.body ?? "{}").data.hello).toBe("hej".repeat(Number(query.match(/\d/)?.[0])));
    }
  });
});
