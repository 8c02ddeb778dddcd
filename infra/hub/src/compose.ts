import "reflect-metadata";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSchema as childServicesSchema } from "@skyddsnat/child-services";
import { buildAuditSchema } from "@skyddsnat/gateway";
import { buildSchema as housingSchema } from "@skyddsnat/housing";
import { buildSchema as policeLiaisonSchema } from "@skyddsnat/police-liaison";
import { SUBGRAPHS } from "@skyddsnat/schema";
import { buildSchema as socialServicesSchema } from "@skyddsnat/social-services";
import { parse } from "graphql";

const BUILDERS = {
  "social-services": socialServicesSchema,
  housing: housingSchema,
  "police-liaison": policeLiaisonSchema,
  "child-services": childServicesSchema,
  audit: buildAuditSchema,
} as const;

/** Each subgraph's SDL, printed from the same type-graphql classes the subgraph serves. */
export async function subgraphSdls(): Promise<{ name: string; url: string; sdl: string }[]> {
  return Promise.all(
    SUBGRAPHS.map(async ({ name, port }) => ({
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      sdl: printSubgraphSchema(await BUILDERS[name]()),
    })),
  );
}

/** Composes the supergraph at build time; the gateway never introspects at run time. */
export async function composeSupergraph(): Promise<string> {
  const subgraphs = await subgraphSdls();
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return result.supergraphSdl;
}
