import type { Agency, Role } from "@skyddsnat/schema";

/**
 * A member of the demo staff directory, as the hub's seed knows her (infra/hub/src/seed/staff.ts).
 * The directory is passed in, not imported: the hub starts the identity providers, so this package
 * cannot depend on the hub.
 */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly agency: Agency;
  readonly role: Role;
  readonly title: string;
  readonly unit?: string;
}

export type StaffDirectory = readonly StaffMember[];
