import type { Context } from "../context.js";

/**
 * Another subgraph's link to a Person (a restrained person, a child case's child) resolves here:
 * a person the actor may not know exists (a quarantined former identity) resolves to nothing.
 */
export const personReference = {
  __resolveReference: async (reference: { id: string }, context: Context) =>
    context.policy.existingOne(await context.loaders.personById.load(reference.id), (person) => person.id, "Person.id"),
};
