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
    "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    records\n    checkpoints\n    problemSeq\n    problem\n  }\n}": typeof types.AuditChainStatusDocument,
    "fragment AuditRecordRow on AuditRecord {\n  seq\n  id\n  at\n  kind\n  requestId\n  actorStaffId\n  actorAgency\n  actorRole\n  purpose\n  subjectId\n  fieldPaths\n  decision\n  reason\n  rule\n  emergency\n}\n\nquery AuditRecords($filter: AuditFilter, $first: Int!, $after: String) {\n  auditRecords(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AuditRecordRowFragmentDoc,
    "mutation AuditReviewEmergency($grantId: ID!, $outcome: String!, $note: String!) {\n  reviewEmergencyAccess(\n    input: {grantId: $grantId, outcome: $outcome, note: $note}\n  ) {\n    id\n    reviewedBy\n    reviewedAt\n    outcome\n  }\n}": typeof types.AuditReviewEmergencyDocument,
    "query AuditReviewQueue {\n  emergencyReviewQueue {\n    unreviewed\n    grants {\n      id\n      subjectId\n      staffId\n      role\n      requestedAt\n      status\n      decidedBy\n      decidedAt\n      ground\n      expiresAt\n      reason\n      decisionNote\n    }\n  }\n}": typeof types.AuditReviewQueueDocument,
    "query AuditSubjectHistory($subjectId: String!, $first: Int!, $after: String) {\n  subjectAccessHistory(subjectId: $subjectId, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.AuditSubjectHistoryDocument,
    "query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}": typeof types.ClientViewDocument,
    "query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}": typeof types.EmergencyRequestsDocument,
    "mutation GrantEmergencyDisclosure($requestId: ID!, $ground: EmergencyGround!, $minutes: Int, $note: String) {\n  grantEmergencyDisclosure(\n    input: {requestId: $requestId, ground: $ground, minutes: $minutes, note: $note}\n  ) {\n    id\n    status\n    decidedAt\n    expiresAt\n  }\n}": typeof types.GrantEmergencyDisclosureDocument,
    "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MeDocument,
    "query PendingEmergencyRequests {\n  pendingEmergencyRequests {\n    id\n    staffId\n    role\n    subjectId\n    status\n    requestedAt\n    reason\n  }\n}": typeof types.PendingEmergencyRequestsDocument,
    "mutation RefuseEmergencyDisclosure($requestId: ID!, $note: String!) {\n  refuseEmergencyDisclosure(input: {requestId: $requestId, note: $note}) {\n    id\n    status\n    decidedAt\n  }\n}": typeof types.RefuseEmergencyDisclosureDocument,
    "mutation RequestEmergencyAccess($subjectId: ID!, $reason: String!) {\n  requestEmergencyAccess(input: {subjectId: $subjectId, reason: $reason}) {\n    id\n    subjectId\n    status\n    requestedAt\n    expiresAt\n  }\n}": typeof types.RequestEmergencyAccessDocument,
    "query Who {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n  }\n}": typeof types.WhoDocument,
};
const documents: Documents = {
    "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    records\n    checkpoints\n    problemSeq\n    problem\n  }\n}": types.AuditChainStatusDocument,
    "fragment AuditRecordRow on AuditRecord {\n  seq\n  id\n  at\n  kind\n  requestId\n  actorStaffId\n  actorAgency\n  actorRole\n  purpose\n  subjectId\n  fieldPaths\n  decision\n  reason\n  rule\n  emergency\n}\n\nquery AuditRecords($filter: AuditFilter, $first: Int!, $after: String) {\n  auditRecords(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AuditRecordRowFragmentDoc,
    "mutation AuditReviewEmergency($grantId: ID!, $outcome: String!, $note: String!) {\n  reviewEmergencyAccess(\n    input: {grantId: $grantId, outcome: $outcome, note: $note}\n  ) {\n    id\n    reviewedBy\n    reviewedAt\n    outcome\n  }\n}": types.AuditReviewEmergencyDocument,
    "query AuditReviewQueue {\n  emergencyReviewQueue {\n    unreviewed\n    grants {\n      id\n      subjectId\n      staffId\n      role\n      requestedAt\n      status\n      decidedBy\n      decidedAt\n      ground\n      expiresAt\n      reason\n      decisionNote\n    }\n  }\n}": types.AuditReviewQueueDocument,
    "query AuditSubjectHistory($subjectId: String!, $first: Int!, $after: String) {\n  subjectAccessHistory(subjectId: $subjectId, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.AuditSubjectHistoryDocument,
    "query ClientView($id: ID!) {\n  person(id: $id) {\n    id\n    protectionLevel\n    handlingInstructions\n    givenName\n    familyName\n    birthDate\n    streetAddress\n    postalCode\n    city\n    phone\n    cases {\n      id\n      type\n      status\n      openedAt\n      closedAt\n      unit\n      assignments {\n        role\n        staffId\n      }\n    }\n    housingApplications {\n      id\n      status\n      urgency\n      requestedArea\n      householdSize\n      submittedAt\n    }\n    tenancies {\n      id\n      status\n      startsOn\n      endsOn\n      landlord\n      streetAddress\n      postalCode\n      city\n    }\n    incidents {\n      id\n      category\n      occurredAt\n      place\n      description\n    }\n    restrainingOrders {\n      id\n      kind\n      validFrom\n      validTo\n      active\n    }\n    childCases {\n      id\n      status\n      concern\n      openedAt\n    }\n    schoolPlacements {\n      id\n      kind\n      schoolName\n      municipality\n      startsOn\n    }\n    household {\n      id\n      givenName\n      familyName\n      childCases {\n        id\n        status\n        concern\n      }\n      schoolPlacements {\n        id\n        kind\n        schoolName\n        municipality\n      }\n    }\n  }\n}": types.ClientViewDocument,
    "query EmergencyRequests {\n  myEmergencyRequests {\n    id\n    subjectId\n    status\n    requestedAt\n    decidedAt\n    expiresAt\n    reason\n  }\n}": types.EmergencyRequestsDocument,
    "mutation GrantEmergencyDisclosure($requestId: ID!, $ground: EmergencyGround!, $minutes: Int, $note: String) {\n  grantEmergencyDisclosure(\n    input: {requestId: $requestId, ground: $ground, minutes: $minutes, note: $note}\n  ) {\n    id\n    status\n    decidedAt\n    expiresAt\n  }\n}": types.GrantEmergencyDisclosureDocument,
    "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MeDocument,
    "query PendingEmergencyRequests {\n  pendingEmergencyRequests {\n    id\n    staffId\n    role\n    subjectId\n    status\n    requestedAt\n    reason\n  }\n}": types.PendingEmergencyRequestsDocument,
    "mutation RefuseEmergencyDisclosure($requestId: ID!, $note: String!) {\n  refuseEmergencyDisclosure(input: {requestId: $requestId, note: $note}) {\n    id\n    status\n    decidedAt\n  }\n}": types.RefuseEmergencyDisclosureDocument,
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
export function graphql(source: "query AuditChainStatus {\n  auditChainStatus {\n    ok\n    records\n    checkpoints\n    problemSeq\n    problem\n  }\n}"): (typeof documents)["query AuditChainStatus {\n  auditChainStatus {\n    ok\n    records\n    checkpoints\n    problemSeq\n    problem\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AuditRecordRow on AuditRecord {\n  seq\n  id\n  at\n  kind\n  requestId\n  actorStaffId\n  actorAgency\n  actorRole\n  purpose\n  subjectId\n  fieldPaths\n  decision\n  reason\n  rule\n  emergency\n}\n\nquery AuditRecords($filter: AuditFilter, $first: Int!, $after: String) {\n  auditRecords(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["fragment AuditRecordRow on AuditRecord {\n  seq\n  id\n  at\n  kind\n  requestId\n  actorStaffId\n  actorAgency\n  actorRole\n  purpose\n  subjectId\n  fieldPaths\n  decision\n  reason\n  rule\n  emergency\n}\n\nquery AuditRecords($filter: AuditFilter, $first: Int!, $after: String) {\n  auditRecords(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditReviewEmergency($grantId: ID!, $outcome: String!, $note: String!) {\n  reviewEmergencyAccess(\n    input: {grantId: $grantId, outcome: $outcome, note: $note}\n  ) {\n    id\n    reviewedBy\n    reviewedAt\n    outcome\n  }\n}"): (typeof documents)["mutation AuditReviewEmergency($grantId: ID!, $outcome: String!, $note: String!) {\n  reviewEmergencyAccess(\n    input: {grantId: $grantId, outcome: $outcome, note: $note}\n  ) {\n    id\n    reviewedBy\n    reviewedAt\n    outcome\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditReviewQueue {\n  emergencyReviewQueue {\n    unreviewed\n    grants {\n      id\n      subjectId\n      staffId\n      role\n      requestedAt\n      status\n      decidedBy\n      decidedAt\n      ground\n      expiresAt\n      reason\n      decisionNote\n    }\n  }\n}"): (typeof documents)["query AuditReviewQueue {\n  emergencyReviewQueue {\n    unreviewed\n    grants {\n      id\n      subjectId\n      staffId\n      role\n      requestedAt\n      status\n      decidedBy\n      decidedAt\n      ground\n      expiresAt\n      reason\n      decisionNote\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditSubjectHistory($subjectId: String!, $first: Int!, $after: String) {\n  subjectAccessHistory(subjectId: $subjectId, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query AuditSubjectHistory($subjectId: String!, $first: Int!, $after: String) {\n  subjectAccessHistory(subjectId: $subjectId, first: $first, after: $after) {\n    nodes {\n      ...AuditRecordRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
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
export function graphql(source: "mutation GrantEmergencyDisclosure($requestId: ID!, $ground: EmergencyGround!, $minutes: Int, $note: String) {\n  grantEmergencyDisclosure(\n    input: {requestId: $requestId, ground: $ground, minutes: $minutes, note: $note}\n  ) {\n    id\n    status\n    decidedAt\n    expiresAt\n  }\n}"): (typeof documents)["mutation GrantEmergencyDisclosure($requestId: ID!, $ground: EmergencyGround!, $minutes: Int, $note: String) {\n  grantEmergencyDisclosure(\n    input: {requestId: $requestId, ground: $ground, minutes: $minutes, note: $note}\n  ) {\n    id\n    status\n    decidedAt\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query Me($first: Int!, $after: String) {\n  me {\n    staffId\n    agency\n    role\n    purpose\n    unit\n    caseload(first: $first, after: $after) {\n      nodes {\n        id\n        givenName\n        familyName\n        protectionLevel\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendingEmergencyRequests {\n  pendingEmergencyRequests {\n    id\n    staffId\n    role\n    subjectId\n    status\n    requestedAt\n    reason\n  }\n}"): (typeof documents)["query PendingEmergencyRequests {\n  pendingEmergencyRequests {\n    id\n    staffId\n    role\n    subjectId\n    status\n    requestedAt\n    reason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefuseEmergencyDisclosure($requestId: ID!, $note: String!) {\n  refuseEmergencyDisclosure(input: {requestId: $requestId, note: $note}) {\n    id\n    status\n    decidedAt\n  }\n}"): (typeof documents)["mutation RefuseEmergencyDisclosure($requestId: ID!, $note: String!) {\n  refuseEmergencyDisclosure(input: {requestId: $requestId, note: $note}) {\n    id\n    status\n    decidedAt\n  }\n}"];
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