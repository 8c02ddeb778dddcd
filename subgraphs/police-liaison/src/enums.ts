import { registerEnumType } from "type-graphql";
import { IncidentCategory, RestrainingOrderKind, ThreatLevel } from "./generated/prisma/enums.js";

registerEnumType(IncidentCategory, { name: "IncidentCategory" });
registerEnumType(RestrainingOrderKind, { name: "RestrainingOrderKind", description: "Kontaktförbud: basic, extended, special extended, within the household." });
registerEnumType(ThreatLevel, { name: "ThreatLevel" });

export { IncidentCategory, RestrainingOrderKind, ThreatLevel };
