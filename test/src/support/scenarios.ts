import { buildPopulation } from "@skyddsnat/hub";

/** The seeded scenario households (deterministic: the same ids the running hub was seeded with). */
export const SCENARIOS = buildPopulation().scenarios;
