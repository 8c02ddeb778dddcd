export { type AccessDecision, decide, type RedactReason } from "./decide.js";
export { isProtectedSubject, type RecordFacts, type SubjectFacts, unknownSubject } from "./facts.js";
export { governingLevel, type Relations, relationsOf } from "./relations.js";
export { type Condition, RULES, type Rule } from "./rules.js";
export { accessMatrix, accessMatrixMarkdown } from "./matrix.js";
