import { registerEnumType } from "type-graphql";
import { ChildCaseStatus, ChildConcern, PlacementKind } from "./generated/prisma/enums.js";

registerEnumType(ChildCaseStatus, { name: "ChildCaseStatus" });
registerEnumType(ChildConcern, { name: "ChildConcern" });
registerEnumType(PlacementKind, { name: "PlacementKind" });

export { ChildCaseStatus, ChildConcern, PlacementKind };
