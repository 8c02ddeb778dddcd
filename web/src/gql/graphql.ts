/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type ApplicationStatus =
  | 'APPROVED'
  | 'HOUSED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type AssignmentRole =
  | 'CHILD_SERVICES_OFFICER'
  | 'CONTACT_PERSON'
  | 'HOUSING_OFFICER'
  | 'POLICE_LIAISON'
  | 'SOCIAL_SECRETARY';

/** Search the audit trail; every criterion narrows. */
export type AuditFilter = {
  actorStaffId?: string | number | null | undefined;
  agency?: string | null | undefined;
  decision?: string | null | undefined;
  emergency?: boolean | null | undefined;
  from?: string | null | undefined;
  /** A record's kind, e.g. CHANGE_INTENDED (a change about to be made; its outcome — CHANGE, REQUEST_DENIED or CHANGE_FAILED — has the intent's id with outcome- for intent-). */
  kind?: string | null | undefined;
  /** Legal ground / purpose of use. */
  purpose?: string | null | undefined;
  /** A record's reason code, e.g. ACCESS_WIDENED for changes that widen someone's access. */
  reason?: string | null | undefined;
  subjectId?: string | number | null | undefined;
  to?: string | null | undefined;
};

export type CaseStatus =
  | 'CLOSED'
  | 'OPEN';

export type CaseType =
  | 'ECONOMIC_ASSISTANCE'
  | 'EXIT_PROGRAMME'
  | 'PROTECTION_AND_SUPPORT'
  | 'SHELTER_FOLLOW_UP';

export type ChildCaseStatus =
  | 'CLOSED'
  | 'OPEN';

export type ChildConcern =
  | 'DIRECT_VIOLENCE'
  | 'NEGLECT'
  | 'SUPPORT_AFTER_RELOCATION'
  | 'WITNESSED_VIOLENCE';

/** The ground the holding agency discloses on in an emergency; recorded with the grant and reviewed afterwards. */
export type EmergencyGround =
  /** Nödsituation: a present danger to life or health that the disclosure averts. */
  | 'NECESSITY'
  /** Offentlighets- och sekretesslagen (2009:400) 10 kap. 18 b §: a provision that breaks secrecy for the disclosure. */
  | 'OSL_10_18_B'
  /** Offentlighets- och sekretesslagen (2009:400) 10 kap. 21–23 §§: disclosure concerning suspected crime, to the police. */
  | 'OSL_10_21_23';

/** PENDING opens nothing; GRANTED opens the person's whereabouts to the requester until it expires; REFUSED opens nothing. */
export type EmergencyStatus =
  | 'GRANTED'
  | 'PENDING'
  | 'REFUSED'
  | 'SELF_GRANTED';

export type IncidentCategory =
  | 'ASSAULT'
  | 'BREACH_OF_ORDER'
  | 'HARASSMENT'
  | 'OTHER'
  | 'STALKING'
  | 'THREAT';

export type PlacementKind =
  | 'PRESCHOOL'
  | 'SCHOOL';

export type ProtectionLevel =
  | 'ASSUMED_IDENTITY'
  | 'CONFIDENTIALITY_MARKED'
  | 'NONE'
  | 'PROTECTED_REGISTRATION';

/** Kontaktförbud: basic, extended, special extended, or within the household. */
export type RestrainingOrderKind =
  | 'BASIC'
  | 'EXTENDED'
  | 'SPECIAL_EXTENDED'
  | 'WITHIN_HOUSEHOLD';

export type TenancyStatus =
  | 'ACTIVE'
  | 'ENDED';

export type Urgency =
  | 'ACUTE'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type AuditChainStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainStatusQuery = { auditChainStatus: { ok: boolean | null, records: number | null, checkpoints: number | null, problemSeq: string | null, problem: string | null } };

export type AuditRecordRowFragment = { seq: string | null, id: string, at: string | null, kind: string | null, requestId: string | null, actorStaffId: string | null, actorAgency: string | null, actorRole: string | null, purpose: string | null, subjectId: string | null, fieldPaths: Array<string> | null, decision: string | null, reason: string | null, rule: string | null, emergency: boolean | null };

export type AuditRecordsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditRecordsQuery = { auditRecords: { nodes: Array<{ seq: string | null, id: string, at: string | null, kind: string | null, requestId: string | null, actorStaffId: string | null, actorAgency: string | null, actorRole: string | null, purpose: string | null, subjectId: string | null, fieldPaths: Array<string> | null, decision: string | null, reason: string | null, rule: string | null, emergency: boolean | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditReviewEmergencyMutationVariables = Exact<{
  grantId: string | number;
  outcome: string;
  note: string;
}>;


export type AuditReviewEmergencyMutation = { reviewEmergencyAccess: { id: string, reviewedBy: string | null, reviewedAt: string | null, outcome: string | null } };

export type AuditReviewQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditReviewQueueQuery = { emergencyReviewQueue: { unreviewed: number | null, grants: Array<{ id: string, subjectId: string, staffId: string, role: string, requestedAt: string, status: EmergencyStatus, decidedBy: string | null, decidedAt: string | null, ground: EmergencyGround | null, expiresAt: string | null, reason: string | null, decisionNote: string | null }> } };

export type AuditSubjectHistoryQueryVariables = Exact<{
  subjectId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditSubjectHistoryQuery = { subjectAccessHistory: { nodes: Array<{ seq: string | null, id: string, at: string | null, kind: string | null, requestId: string | null, actorStaffId: string | null, actorAgency: string | null, actorRole: string | null, purpose: string | null, subjectId: string | null, fieldPaths: Array<string> | null, decision: string | null, reason: string | null, rule: string | null, emergency: boolean | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClientViewQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientViewQuery = { person: { id: string, protectionLevel: ProtectionLevel | null, handlingInstructions: Array<string> | null, givenName: string | null, familyName: string | null, birthDate: string | null, streetAddress: string | null, postalCode: string | null, city: string | null, phone: string | null, cases: Array<{ id: string, type: CaseType | null, status: CaseStatus | null, openedAt: string | null, closedAt: string | null, unit: string | null, assignments: Array<{ role: AssignmentRole | null, staffId: string }> }> | null, housingApplications: Array<{ id: string, status: ApplicationStatus | null, urgency: Urgency | null, requestedArea: string | null, householdSize: number | null, submittedAt: string | null }> | null, tenancies: Array<{ id: string, status: TenancyStatus | null, startsOn: string | null, endsOn: string | null, landlord: string | null, streetAddress: string | null, postalCode: string | null, city: string | null }> | null, incidents: Array<{ id: string, category: IncidentCategory | null, occurredAt: string | null, place: string | null, description: string | null }> | null, restrainingOrders: Array<{ id: string, kind: RestrainingOrderKind | null, validFrom: string | null, validTo: string | null, active: boolean | null }> | null, childCases: Array<{ id: string, status: ChildCaseStatus | null, concern: ChildConcern | null, openedAt: string | null }> | null, schoolPlacements: Array<{ id: string, kind: PlacementKind | null, schoolName: string | null, municipality: string | null, startsOn: string | null }> | null, household: Array<{ id: string, givenName: string | null, familyName: string | null, childCases: Array<{ id: string, status: ChildCaseStatus | null, concern: ChildConcern | null }> | null, schoolPlacements: Array<{ id: string, kind: PlacementKind | null, schoolName: string | null, municipality: string | null }> | null }> | null } | null };

export type EmergencyRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type EmergencyRequestsQuery = { myEmergencyRequests: Array<{ id: string, subjectId: string, status: EmergencyStatus, requestedAt: string, decidedAt: string | null, expiresAt: string | null, reason: string | null }> };

export type GrantEmergencyDisclosureMutationVariables = Exact<{
  requestId: string | number;
  ground: EmergencyGround;
  minutes?: number | null | undefined;
  note?: string | null | undefined;
}>;


export type GrantEmergencyDisclosureMutation = { grantEmergencyDisclosure: { id: string, status: EmergencyStatus, decidedAt: string | null, expiresAt: string | null } };

export type MeQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MeQuery = { me: { staffId: string, agency: string, role: string, purpose: string, unit: string | null, caseload: { nodes: Array<{ id: string, givenName: string | null, familyName: string | null, protectionLevel: ProtectionLevel | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type PendingEmergencyRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingEmergencyRequestsQuery = { pendingEmergencyRequests: Array<{ id: string, staffId: string, role: string, subjectId: string, status: EmergencyStatus, requestedAt: string, reason: string | null }> };

export type RefuseEmergencyDisclosureMutationVariables = Exact<{
  requestId: string | number;
  note: string;
}>;


export type RefuseEmergencyDisclosureMutation = { refuseEmergencyDisclosure: { id: string, status: EmergencyStatus, decidedAt: string | null } };

export type RequestEmergencyAccessMutationVariables = Exact<{
  subjectId: string | number;
  reason: string;
}>;


export type RequestEmergencyAccessMutation = { requestEmergencyAccess: { id: string, subjectId: string, status: EmergencyStatus, requestedAt: string, expiresAt: string | null } };

export type WhoQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoQuery = { me: { staffId: string, agency: string, role: string, purpose: string, unit: string | null } };

export const AuditRecordRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actorStaffId"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgency"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldPaths"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}}]}}]} as unknown as DocumentNode<AuditRecordRowFragment, unknown>;
export const AuditChainStatusDocument = {"__meta__":{"hash":"cc49ac85cccf8840d24929e6bc15232a40271f2bdf25e182ba6aedc9a848a969"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditChainStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditChainStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"records"}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"}},{"kind":"Field","name":{"kind":"Name","value":"problemSeq"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}}]}}]}}]} as unknown as DocumentNode<AuditChainStatusQuery, AuditChainStatusQueryVariables>;
export const AuditRecordsDocument = {"__meta__":{"hash":"33d0a36f62eb8a85bcb2ada09753efeaad4b048e0b6b8953b40879725099b484"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actorStaffId"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgency"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldPaths"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}}]}}]} as unknown as DocumentNode<AuditRecordsQuery, AuditRecordsQueryVariables>;
export const AuditReviewEmergencyDocument = {"__meta__":{"hash":"d2c5f3356e136f65e0fb965e26b1bd6b363a5134043b4cc1881077d38d1ab158"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditReviewEmergency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewEmergencyAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]} as unknown as DocumentNode<AuditReviewEmergencyMutation, AuditReviewEmergencyMutationVariables>;
export const AuditReviewQueueDocument = {"__meta__":{"hash":"048b766e9e61b71ff2822226622b1eabe01198c280891725756f86618592d84f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditReviewQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emergencyReviewQueue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreviewed"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"ground"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}}]}}]}}]}}]} as unknown as DocumentNode<AuditReviewQueueQuery, AuditReviewQueueQueryVariables>;
export const AuditSubjectHistoryDocument = {"__meta__":{"hash":"84447037bdbc60907f94a71b6900bd087b937c2bbf6df621f58db053fcd45d96"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditSubjectHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectAccessHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditRecordRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditRecordRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditRecord"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actorStaffId"}},{"kind":"Field","name":{"kind":"Name","value":"actorAgency"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldPaths"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"emergency"}}]}}]} as unknown as DocumentNode<AuditSubjectHistoryQuery, AuditSubjectHistoryQueryVariables>;
export const ClientViewDocument = {"__meta__":{"hash":"5ee738230ed1841ab34a1451f460f0738e78e3686e046a9d81a014d27dc05910"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"protectionLevel"}},{"kind":"Field","name":{"kind":"Name","value":"handlingInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"streetAddress"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"cases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"housingApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"requestedArea"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenancies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"landlord"}},{"kind":"Field","name":{"kind":"Name","value":"streetAddress"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"restrainingOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}},{"kind":"Field","name":{"kind":"Name","value":"childCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"concern"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolPlacements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"childCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"concern"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolPlacements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"schoolName"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientViewQuery, ClientViewQueryVariables>;
export const EmergencyRequestsDocument = {"__meta__":{"hash":"473b86f40787f78f3b272a8e835f628902fdbe4131566b1aaea671dd022be3c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmergencyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEmergencyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<EmergencyRequestsQuery, EmergencyRequestsQueryVariables>;
export const GrantEmergencyDisclosureDocument = {"__meta__":{"hash":"660bb50bdf0bd537303ede749620735eeef0523279fc4f3bac814a62fced73c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantEmergencyDisclosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ground"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmergencyGround"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantEmergencyDisclosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"ground"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ground"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"minutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<GrantEmergencyDisclosureMutation, GrantEmergencyDisclosureMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"edeba2da73bad6f6dee5e654350e51087dff5d5837f840f3d000ce30e7a0a5cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"caseload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"protectionLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const PendingEmergencyRequestsDocument = {"__meta__":{"hash":"fb2a13ba955ad5d1afbf5881895d94803e4159390160bc81feec0a775bc38eee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingEmergencyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingEmergencyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PendingEmergencyRequestsQuery, PendingEmergencyRequestsQueryVariables>;
export const RefuseEmergencyDisclosureDocument = {"__meta__":{"hash":"d8847f5e91017e01e5f815ebb4c8e5c8b065e6488ba21bfe89e0384b4809e1ac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseEmergencyDisclosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseEmergencyDisclosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requestId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]} as unknown as DocumentNode<RefuseEmergencyDisclosureMutation, RefuseEmergencyDisclosureMutationVariables>;
export const RequestEmergencyAccessDocument = {"__meta__":{"hash":"a6382ab312a6b23a8d7d92961ddadd2d073fac5249f98066c0d8037f789f422a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestEmergencyAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmergencyAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RequestEmergencyAccessMutation, RequestEmergencyAccessMutationVariables>;
export const WhoDocument = {"__meta__":{"hash":"dc5e8deec83d8846b9c2c78bdec8766bc8dc27aa8f7293a82c90ecdcd7a1bbd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Who"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"agency"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}}]} as unknown as DocumentNode<WhoQuery, WhoQueryVariables>;