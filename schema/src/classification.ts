/**
 * Field classes. Every field of every type in the supergraph carries exactly one, through the
 * `@classified(as: …)` directive; the policy decides per class, never per field name.
 */
export const FIELD_CLASSES = [
  "REFERENCE", // opaque ids and links; reveal nothing about the person
  "PROTECTION", // protection level and handling instructions
  "IDENTITY", // names, identity number, date of birth
  "LOCATION", // anything that reveals where a person is: address, phone, school, places, areas
  "STATUS", // whether a case, application or order exists and its state
  "CASE_DETAIL", // social services' assessments and case notes
  "HOUSING", // housing needs, applications, tenancies
  "SAFETY", // incidents, restraining orders, threat assessments
  "CHILD", // child cases and Barnahus consultations
  "AUDIT", // the audit trail itself
  "POLICY", // inputs the policy decides on (is the record current, the place's level): read by the gateway's guard only, never selectable by a client
] as const;
export type FieldClass = (typeof FIELD_CLASSES)[number];

export const isFieldClass = (v: unknown): v is FieldClass => FIELD_CLASSES.includes(v as FieldClass);

/** Spec URL of our own directive, so it survives composition (see TOOLCHAIN.md §6). */
export const CLASSIFIED_SPEC_URL = "https://skyddsnat.example/classified/v1.0";

/** SDL every subgraph includes verbatim; composition requires identical definitions. */
export const CLASSIFIED_DIRECTIVE_SDL = `
directive @classified(as: FieldClass!) on FIELD_DEFINITION
enum FieldClass { ${FIELD_CLASSES.join(" ")} }
`;
