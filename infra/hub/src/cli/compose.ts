import { writeFile } from "node:fs/promises";
import { SUPERGRAPH_PATH } from "@skyddsnat/schema";
import { composeSupergraph } from "../compose.js";

/** `npm run compose`: rewrites schema/supergraph.graphql from the subgraphs' classes. */
const sdl = await composeSupergraph();
await writeFile(SUPERGRAPH_PATH, sdl);
process.stdout.write(`wrote ${SUPERGRAPH_PATH}\n`);
