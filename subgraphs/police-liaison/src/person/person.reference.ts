import type { Person } from "./person.type.js";

/** Police liaison holds no person rows: a reference is all it needs to resolve the fields it adds. */
export const personReference = {
  __resolveReference: (reference: { id: string }): Person => ({ id: reference.id }),
};
