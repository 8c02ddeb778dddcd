import type { Context } from "../context.js";

export const personReference = {
  __resolveReference: (reference: { id: string }, context: Context) => context.loaders.personById.load(reference.id),
};
