// The deterministic demo seed: a synthetic population for the four agency databases, the staff
// directory its records refer to, and the named scenario households the access tests rely on.
export { isFictionPhone } from "./phones.js";
export { isSyntheticIdentityNumber, isValidIdentityNumber } from "./identity-numbers.js";
export { buildPopulation, DEFAULT_SEED, MAX_SEED_SCALE, MIN_PERSONS, type Population, type PopulationOptions } from "./population.js";
export { SEED_REFERENCE_DATE } from "./random.js";
export {
  type ClosedCaseScenario,
  type Household,
  SCENARIO_STAFF,
  SCENARIOS,
  type ScenarioHousehold,
  type Scenarios,
} from "./scenarios.js";
export { DEMO_STAFF, STAFF, type StaffMember, unitOf } from "./staff.js";
export type { SeedTables } from "./tables.js";
export { type SeedClients, type SeedCounts, writePopulation } from "./write.js";
