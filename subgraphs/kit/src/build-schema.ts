import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { CLASSIFIED_DIRECTIVE_SDL, CLASSIFIED_SPEC_URL } from "@skyddsnat/schema";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";
import { applyClassificationRules } from "./classification-sdl.js";
import { enforcePolicy } from "./enforce.js";

export interface AgencySchemaOptions {
  resolvers: BuildSchemaOptions["resolvers"];
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  /** `__resolveReference` per entity type, batched through the request's loaders. */
  referenceResolvers?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
  /**
   * Enforce the policy in this subgraph (default). Only the leak tests turn it off, to prove the
   * gateway's guard still catches what a broken subgraph would release.
   */
  enforce?: boolean;
}

/** The federation and classification links every subgraph declares, identically. */
const LINKS = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@composeDirective"])
  @link(url: "${CLASSIFIED_SPEC_URL}", import: ["@classified"])
  @composeDirective(name: "@classified")
${CLASSIFIED_DIRECTIVE_SDL}
`;

/**
 * type-graphql classes → SDL with directives → an Apollo subgraph schema. The SDL step is what
 * lets `@key` and `@classified` reach composition (type-graphql alone keeps them as AST only).
 */
export async function buildAgencySchema(options: AgencySchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    // Validation errors name the argument and the rule, never echo the value (it may be location data).
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    skipCheck: true,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const subgraph = buildSubgraphSchema([
    { typeDefs: applyClassificationRules(parse(`${LINKS}\n${printSchemaWithDirectives(schema)}`)), resolvers },
  ]);
  return options.enforce === false ? subgraph : enforcePolicy(subgraph);
}
