import type { SubgraphContext } from "@skyddsnat/subgraph-kit";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Loaders } from "./loaders.js";

export type Context = SubgraphContext<Loaders & { db: PrismaClient }>;
