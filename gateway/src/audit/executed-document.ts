import { type DocumentNode, type FieldNode, getOperationAST, Kind, print, visit } from "graphql";

/**
 * What the audit's operation hash covers: the executed document. That is the operation the
 * executor ran (the one `operationName` selects, with the fragments), as graphql-js parsed it,
 * printed canonically (whitespace, commas and comments gone) and without aliases — an alias only
 * names a key of the response, so the same reads give the same hash however the caller labels
 * them. Variables' values are not part of it (they are not part of the document). A persisted
 * query would be hashed the same way, over the document it stands for, never over the id the
 * client sent; the gateway accepts no persisted queries today (no-shared-caches.ts).
 */
export function executedDocument(document: DocumentNode, operationName: string | null | undefined): string {
  const operation = getOperationAST(document, operationName ?? undefined);
  const ran: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter((definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION),
  };
  const unaliased = visit(ran, { [Kind.FIELD]: { enter: (node: FieldNode) => (node.alias ? { ...node, alias: undefined } : undefined) } });
  return `${operation?.name?.value ?? ""}\n${print(unaliased)}`;
}
