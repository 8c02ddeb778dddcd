import type { ApolloGateway } from "@apollo/gateway";
import type { GatewayExecutor, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { type Actor, type SubjectFacts } from "@skyddsnat/schema";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
} from "graphql";
import type { GatewayContext } from "../context.js";
import { type ClassificationMap, classificationMap } from "./classification-map.js";
import { HIDDEN, withRecordFields } from "./record-fields.js";
import { type Check, decideChecks, findChecks, pathKey, redact, stripHidden } from "./response-guard.js";

/** Everything the guard learned about one response: what the audit trail records. */
export interface GuardOutcome {
  checks: Check[];
  decisions: ReturnType<typeof decideChecks>;
  facts: ReadonlyMap<string, SubjectFacts>;
  /** Root mutation fields and the person each changed, for the audit trail. */
  /** Top-level mutation fields, by response key (`path`), with the person each changed. */
  mutations: { field: string; path: string; subjectId: string | null }[];
  /** Fields a subgraph already withheld (its own enforcement): refusals are audited too. */
  subgraphRedactions: { path: (string | number)[]; subjectId: string | null; reason: string }[];
  /** Operations a subgraph refused because the actor's role may not perform them. */
  /** Subgraph FORBIDDEN refusals, with the write policy's reason code. */
  refusedOperations: { path: (string | number)[]; operation: string; reason: string }[];
}

export interface ResponseGuardOptions {
  supergraphSdl: string;
  /** Loads facts for the subjects in a response (social services' facts route). */
  loadFacts: (subjectIds: string[], context: GatewayContext) => Promise<SubjectFacts[]>;
  /**
   * Called with the decisions before the response leaves; it may turn allows into redactions
   * (the audit trail withholds what it could not record). Returns the decisions to apply.
   */
  beforeRelease?: (outcome: GuardOutcome, context: GatewayContext, query: string | undefined) => Promise<GuardOutcome["decisions"]>;
  /** Test-only: switch the guard off to measure its cost (benchmarks). Never set in production. */
  disabled?: boolean;
}

/**
 * The gateway's response guard: the same policy the subgraphs apply, run again on the composed
 * response, so a bug in one subgraph cannot leak. It wraps the gateway's executor, which keeps it
 * behind one small interface (a Router coprocessor could host the same steps).
 */
export function guardGateway(gateway: ApolloGateway, options: ResponseGuardOptions): ApolloGateway {
  const classes: ClassificationMap = classificationMap(parse(options.supergraphSdl));
  // Apollo hands the same parsed document for the same query text: rewrite each one once.
  const rewritten = new WeakMap<DocumentNode, DocumentNode>();
  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded = await load(loadOptions);
    if (options.disabled) return loaded;
    const executor: GatewayExecutor = async (requestContext) => {
      const context = requestContext.context as unknown as GatewayContext;
      let document = rewritten.get(requestContext.document);
      if (!document) {
        document = withRecordFields(requestContext.document, loaded.schema);
        rewritten.set(requestContext.document, document);
      }
      const operation = getOperationAST(document, requestContext.operationName ?? undefined);
      const result = await loaded.executor({ ...requestContext, document, operation } as GatewayGraphQLRequestContext);
      const refusedOperations = operationsRefused(result.errors);
      if (!result.data || !operation) {
        // A refused mutation with a non-null result leaves no data, but its refusal is recorded.
        if (refusedOperations.length > 0) {
          await options.beforeRelease?.(
            { checks: [], decisions: [], facts: new Map(), mutations: [], subgraphRedactions: [], refusedOperations },
            context,
            requestContext.request.query,
          );
        }
        return result;
      }

      const checks = findChecks(result.data as Record<string, unknown>, operation, {
        schema: loaded.schema,
        fragments: fragmentsOf(document),
        variables: requestContext.request.variables ?? {},
        classes,
      });
      const subgraphRedactions = redactionsBySubgraphs(result.data as Record<string, unknown>, result.errors);
      const subjectIds = [
        ...new Set([...checks, ...subgraphRedactions].map((c) => c.subjectId).filter((id): id is string => !!id)),
      ];
      const facts = new Map<string, SubjectFacts>();
      if (subjectIds.length > 0) {
        try {
          for (const subject of await options.loadFacts(subjectIds, context)) facts.set(subject.id, subject);
        } catch (error) {
          context.logger.warn({ err: error }, "subject facts unavailable at the gateway: withholding protected fields");
        }
      }
      const grants = { emergencyGrants: new Set(context.emergencyGrants), now: new Date() };
      let decisions = decideChecks(checks, context.actor as Actor, facts, grants);
      const mutations = operation.operation === "mutation" ? mutationsOf(result.data as Record<string, unknown>, operation) : [];
      if (options.beforeRelease) {
        decisions = await options.beforeRelease(
          { checks, decisions, facts, mutations, subgraphRedactions, refusedOperations },
          context,
          requestContext.request.query,
        );
      }
      const reported = new Set((result.errors ?? []).flatMap((error) => (error.path ? [pathKey(error.path)] : [])));
      const errors = redact(checks, decisions, reported);
      stripHidden(result.data);
      return errors.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...errors] } : result;
    };
    return { ...loaded, executor };
  };
  return gateway;
}

/** Subgraph FORBIDDEN_FIELD errors, each with the person whose field it was (from the hidden fields). */
function redactionsBySubgraphs(data: Record<string, unknown>, errors: readonly GraphQLError[] | undefined) {
  return (errors ?? []).flatMap((error) => {
    if (error.extensions?.code !== "FORBIDDEN_FIELD" || !error.path) return [];
    const holder = error.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], data) as
      | Record<string, unknown>
      | null
      | undefined;
    const subjectId = (holder?.[HIDDEN.subject] ?? holder?.[HIDDEN.id] ?? null) as string | null;
    return [{ path: [...error.path], subjectId, reason: String(error.extensions.reason ?? "") }];
  });
}

/** Subgraph FORBIDDEN errors: an operation the write policy refused this actor. */
function operationsRefused(errors: readonly GraphQLError[] | undefined) {
  return (errors ?? []).flatMap((error) =>
    error.extensions?.code === "FORBIDDEN" && error.path
      ? [{ path: [...error.path], operation: String(error.extensions.operation ?? ""), reason: String(error.extensions.reason ?? "NOT_PERMITTED_FOR_ROLE") }]
      : [],
  );
}

function mutationsOf(data: Record<string, unknown>, operation: OperationDefinitionNode) {
  return operation.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const path = selection.alias?.value ?? selection.name.value;
    const value = data[path] as Record<string, unknown> | null | undefined;
    const subjectId = (value?.[HIDDEN.subject] ?? value?.[HIDDEN.id] ?? null) as string | null;
    return [{ field: selection.name.value, path, subjectId }];
  });
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
