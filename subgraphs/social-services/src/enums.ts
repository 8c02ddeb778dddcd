import { registerEnumType } from "type-graphql";
import {
  AssignmentRole,
  CaseStatus,
  CaseType,
  ConsentForm,
  CustodyKind,
  ThreatSource,
  PlaceKind,
  Agency as DbAgency,
  FieldClass as DbFieldClass,
  Purpose as DbPurpose,
  ProtectionLevel,
} from "./generated/prisma/enums.js";

// The graph's enums are the Prisma enums: one source for the values.
registerEnumType(ProtectionLevel, { name: "ProtectionLevel" });
registerEnumType(CaseType, { name: "CaseType" });
registerEnumType(CaseStatus, { name: "CaseStatus" });
registerEnumType(AssignmentRole, { name: "AssignmentRole" });
registerEnumType(CustodyKind, { name: "CustodyKind", description: "Joint (gemensam) or sole (ensam) custody." });
registerEnumType(ThreatSource, { name: "ThreatSource", description: "Where a threat relation is known from." });
registerEnumType(ConsentForm, { name: "ConsentForm", description: "How a consent was given." });
registerEnumType(PlaceKind, { name: "PlaceKind", description: "The kind of place a meeting is held at." });
registerEnumType(DbAgency, { name: "ConsentRecipient" });
registerEnumType(DbPurpose, { name: "ConsentPurpose" });
registerEnumType(DbFieldClass, { name: "ConsentScope" });

export { AssignmentRole, CaseStatus, CaseType, ConsentForm, CustodyKind, ThreatSource, DbAgency, DbFieldClass, DbPurpose, PlaceKind, ProtectionLevel };
