import { ApolloServer } from "@apollo/server";
import { describe, expect, test } from "@jest/globals";
import { buildSchema, type DocumentNode, type ValidationContext } from "graphql";
import { actorDocuments } from "./actor-documents.js";
import type { GatewayContext } from "./context.js";

/*
 * Parsed-and-validated documents are kept per actor: a text one actor sent is parsed and
 * validated again for any other (no timing oracle across actors), a document that failed
 * validation is never kept, and the cache stays within its bound. Counted on a real ApolloServer
 * through a validation rule that sees every validation run.
 */

const schema = buildSchema("type Query { hello: String }");
const rootValue = { hello: () => "world" };

function server(maxEntries?: number) {
  const validated: DocumentNode[] = [];
  const counting = (context: ValidationContext) => {
    validated.push(context.getDocument());
    return {};
  };
  const apollo = new ApolloServer<GatewayContext>({ schema, rootValue, documentStore: null, validationRules: [counting], plugins: [actorDocuments(maxEntries)] });
  return { apollo, validated };
}

const as = (staffId: string) => ({ actor: { staffId, issuer: "https://idp.example", agency: "housing", role: "HOUSING_OFFICER", purpose: "CASE_WORK" } }) as unknown as GatewayContext;
const ask = async (apollo: ApolloServer<GatewayContext>, query: string, staffId: string) => {
  const response = await apollo.executeOperation({ query }, { contextValue: as(staffId) });
  return response.body.kind === "single" ? response.body.singleResult : undefined;
};

describe("actorDocuments", () => {
  test("an actor's second request with the same text skips parsing and validation; another actor's does not", async () => {
    const { apollo, validated } = server();
    await apollo.start();
    try {
      expect((await ask(apollo, "{ hello }", "hs-1"))?.data).toEqual({ hello: "world" });
      expect(validated).toHaveLength(1);
      expect((await ask(apollo, "{ hello }", "hs-1"))?.data).toEqual({ hello: "world" });
      expect(validated).toHaveLength(1);
      expect((await ask(apollo, "{ hello }", "hs-2"))?.data).toEqual({ hello: "world" });
      expect(validated).toHaveLength(2);
      await ask(apollo, "{ hello  }", "hs-1");
      expect(validated).toHaveLength(3);
    } finally {
      await apollo.stop();
    }
  });

  test("a document that failed validation is validated (and refused) again every time", async () => {
    const { apollo, validated } = server();
    await apollo.start();
    try {
      for (let round = 0; round < 2; round++) expect((await ask(apollo, "{ nope }", "hs-1"))?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(validated).toHaveLength(2);
    } finally {
      await apollo.stop();
    }
  });

  test("past its bound the least recently used document goes first", async () => {
    const { apollo, validated } = server(2);
    await apollo.start();
    try {
      for (const query of ["{ a: hello }", "{ b: hello }", "{ a: hello }", "{ c: hello }"]) await ask(apollo, query, "hs-1");
      expect(validated).toHaveLength(3);
      await ask(apollo, "{ a: hello }", "hs-1");
      expect(validated).toHaveLength(3);
      await ask(apollo, "{ b: hello }", "hs-1");
      expect(validated).toHaveLength(4);
    } finally {
      await apollo.stop();
    }
  });
});
