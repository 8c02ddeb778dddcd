export { type AccessDecision, decide, type RedactReason } from "./decide.js";
export { isProtectedSubject, type RecordFacts, type SubjectFacts, unknownSubject } from "./facts.js";
export { governingLevel, householdLevel, type Relations, relationsOf } from "./relations.js";
export { PLACES, type PlaceKind, placeLevelOf, placesMarkdown } from "./places.js";
export { type Condition, RULES, type Rule } from "./rules.js";
export { accessMatrix, accessMatrixMarkdown } from "./matrix.js";
