import { registerEnumType } from "type-graphql";
import { IncidentCategory, RestrainingOrderKind, ThreatLevel } from "./generated/prisma/enums.js";

// The graph's enums are the Prisma enums: one source for the values.
registerEnumType(IncidentCategory, { name: "IncidentCategory" });
registerEnumType(RestrainingOrderKind, {
  name: "RestrainingOrderKind",
  description: "Kontaktförbud: basic, extended, special extended, or within the household.",
});
registerEnumType(ThreatLevel, { name: "ThreatLevel" });

export { IncidentCategory, RestrainingOrderKind, ThreatLevel };
