/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}": typeof types.ClientViewDocument,
    "query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}": typeof types.EmergencyRequestsDocument,
    "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MeDocument,
    "mutation RequestEmergencyAccess($subjectId: ID!, $reason: String!) {\n  requestEmergencyAccess(input: {subjectId: $subjectId, reason: $reason}) {\n    id\n    subjectId\n    status\n    requestedAt\n    expiresAt\n  }\n}": typeof types.RequestEmergencyAccessDocument,
    "query Who {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n  }\n}": typeof types.WhoDocument,
};
const documents: Documents = {
    "query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}": types.ClientViewDocument,
    "query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}": types.EmergencyRequestsDocument,
    "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MeDocument,
    "mutation RequestEmergencyAccess($subjectId: ID!, $reason: String!) {\n  requestEmergencyAccess(input: {subjectId: $subjectId, reason: $reason}) {\n    id\n    subjectId\n    status\n    requestedAt\n    expiresAt\n  }\n}": types.RequestEmergencyAccessDocument,
    "query Who {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n  }\n}": types.WhoDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}"): (typeof documents)["query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}"): (typeof documents)["query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestEmergencyAccess($subjectId: ID!, $reason: String!) {\n  requestEmergencyAccess(input: {subjectId: $subjectId, reason: $reason}) {\n    id\n    subjectId\n    status\n    requestedAt\n    expiresAt\n  }\n}"): (typeof documents)["mutation RequestEmergencyAccess($subjectId: ID!, $reason: String!) {\n  requestEmergencyAccess(input: {subjectId: $subjectId, reason: $reason}) {\n    id\n    subjectId\n    status\n    requestedAt\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Who {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n  }\n}"): (typeof documents)["query Who {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;