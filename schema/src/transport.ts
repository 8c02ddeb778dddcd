/** Header the gateway puts its signed internal token in; nothing else authenticates a subgraph caller. */
export const INTERNAL_TOKEN_HEADER = "x-skyddsnat-internal-token";

/** Audience of internal tokens that may ask social services for subject facts. */
export const FACTS_AUDIENCE = "urn:skyddsnat:facts";
