import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for every operation in src/operations, checked against the supergraph, and the
 * trusted-documents manifest in the gateway's format ({ "<sha256>": "<document>" }). OUT_DIR
 * lets the staleness test generate elsewhere and compare.
 */
const out = process.env.CODEGEN_OUT_DIR ?? "src/gql/";

const config: CodegenConfig = {
  schema: "../schema/supergraph.graphql",
  documents: ["src/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    [out.endsWith("/") ? out : `${out}/`]: {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // Plain lower-case hex, as the gateway keys its manifest (Codegen's "sha256" adds a prefix).
        persistedDocuments: { hashAlgorithm: (document: string) => createHash("sha256").update(document).digest("hex"), mode: "embedHashInDocument" },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: "string" } },
    },
  },
};

export default config;
