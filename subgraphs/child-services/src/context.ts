import type { SubgraphContext } from "@skyddsnat/subgraph-kit";
import type { Loaders } from "./loaders.js";

export type Context = SubgraphContext<Loaders>;
