import type { ProtectionLevel } from "../protection.js";
import type { SubjectFacts } from "./facts.js";

/**
 * What a write is decided on, gathered by the mutation inside its own transaction just before it
 * writes. Each operation fills only the parts its rows need; a condition whose facts are missing
 * does not hold (deny by default). decideWrite() never fetches anything.
 */
export interface WriteFacts {
  /** The person the change is about (a child, for the child agencies' writes). */
  subject?: SubjectFacts;
  /** The social-services case the change is made in (assignStaff, closeCase). */
  case?: { ownerId: string | null };
  /** Whom an assignment is for. */
  assignee?: { staffId: string };
  /** The protection level an update would set. */
  newLevel?: ProtectionLevel;
  /** The child case a placement is made in. */
  childCase?: { officerId: string };
  /**
   * Officers of the open child cases whose current placements of the child the new placement
   * would end (one entry per such placement).
   */
  endsPlacementsOf?: readonly string[];
  /** The emergency request a decision or review is about: who asked, and who decided it (null while pending). */
  emergency?: { requesterId: string; deciderId: string | null };
}
