export { isValidIdentityNumber } from "./identity-numbers.js";
export { buildPopulation, type Household, type Population } from "./population.js";
export { SEED_REFERENCE_DATE } from "./random.js";
export { DEMO_STAFF, STAFF, type StaffMember } from "./staff.js";
export { type SeedClients, type SeedCounts, writePopulation } from "./write.js";
