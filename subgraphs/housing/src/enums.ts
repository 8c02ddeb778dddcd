import { registerEnumType } from "type-graphql";
import { ApplicationStatus, TenancyStatus, Urgency } from "./generated/prisma/enums.js";

// The graph's enums are the Prisma enums: one source for the values.
registerEnumType(Urgency, { name: "Urgency" });
registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });
registerEnumType(TenancyStatus, { name: "TenancyStatus" });

export { ApplicationStatus, TenancyStatus, Urgency };
