import { buildPopulation } from "@skyddsnat/hub";

const population = buildPopulation();

/** The seeded scenario households (deterministic: the same ids the running hub was seeded with). */
export const SCENARIOS = population.scenarios;

const inScenarios = new Set(Object.values(SCENARIOS).flatMap((h) => [h.adult, ...h.children, h.restrainedPerson]));

/** A person outside every scenario: tests that write use them, so reads elsewhere stay exact. */
export const BYSTANDER = population.socialServices.persons.find((p) => p.protectionLevel === "NONE" && !inScenarios.has(p.id))!.id;
