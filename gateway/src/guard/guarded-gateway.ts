import type { GatewayExecutor, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { type Actor, ErrorCode, type SubjectFacts } from "@skyddsnat/schema";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  Kind,
  parse,
} from "graphql";
import { collectFields } from "graphql/execution/collectFields.js";
import { getVariableValues } from "graphql/execution/values.js";
import type { GatewayContext } from "../context.js";
import type { LoadedGateway } from "../pipeline.js";
import { planKey } from "../no-shared-caches.js";
import { type ClassificationMap, classificationMap } from "./classification-map.js";
import { assertEvaluable, operationNotEvaluable } from "./operation-shape.js";
import { withRecordFields } from "./record-fields.js";
import { type Check, decideChecks, fieldAt, findChecks, type ObjectPlace, pathKey, reachable, redact, stripHidden, withheldOf } from "./response-guard.js";
import { type RootField, rootFields } from "./root-fields.js";
import { onlyMutation, type RootMutation, rootMutations } from "./root-mutations.js";
import { executedDocument } from "../audit/executed-document.js";

/** Everything the guard learned about one response: what the audit trail records. */
export interface GuardOutcome {
  checks: Check[];
  decisions: ReturnType<typeof decideChecks>;
  facts: ReadonlyMap<string, SubjectFacts>;
  /** Every root mutation field that was to run, with what became of it: the outcome of its intent record. */
  mutations: MutationOutcome[];
  /** Fields a subgraph already withheld (its own enforcement): refusals are audited too. */
  /** `field` and `fieldPath` (no aliases) are absent only if the guard's walk never met the field's object. */
  subgraphRedactions: ({ path: (string | number)[]; subjectId: string | null; reason: string } & Partial<Pick<Check, "field" | "fieldPath">>)[];
  /** The operation's root fields with their coerced arguments and the subjects each returned (filters, auditors' queries). */
  roots: RootField[];
  /** Subgraph FORBIDDEN refusals, with the write policy's reason code (a refused mutation is in `mutations`). */
  refusedOperations: { path: (string | number)[]; operation: string; reason: string }[];
}

/** What became of one root mutation field whose intent was recorded. */
export interface MutationOutcome {
  ordinal: number;
  field: string;
  /** Response key: routes the answer, never recorded (an alias is caller text). */
  path: string;
  /** The person it changed (the guard's hidden fields), else the one its input named. */
  subjectId: string | null;
  /** CHANGED: it returned a result; REFUSED: the write rules refused it; FAILED: an error (`code`);
   * NOT_RUN: an earlier member failed, so the executor stopped before it. */
  outcome: "CHANGED" | "REFUSED" | "FAILED" | "NOT_RUN";
  /** The refusal's reason or the error's code. */
  code: string | null;
}

export interface ResponseGuardOptions {
  supergraphSdl: string;
  /** Loads facts for the subjects in a response (social services' facts route). */
  loadFacts: (subjectIds: string[], context: GatewayContext) => Promise<SubjectFacts[]>;
  /**
   * Called with the decisions before the response leaves; it may turn allows into redactions
   * (the audit trail withholds what it could not record). Returns the decisions to apply.
   * `executed` is the operation as it ran: its name and the client's document, printed.
   */
  /**
   * Called before a mutation runs, with every root mutation field the executor will run; when it
   * rejects, nothing runs and each field answers AUDIT_UNAVAILABLE (HTTP 503). The audit trail
   * records its intents here: a change is recorded before it is made, or not made.
   */
  beforeMutation?: (mutations: RootMutation[], context: GatewayContext, executed: string) => Promise<void>;
  beforeRelease?: (outcome: GuardOutcome, context: GatewayContext, executed: string) => Promise<GuardOutcome["decisions"]>;
  /** Test-only: switch the guard off to measure its cost (benchmarks). Never set in production. */
  disabled?: boolean;
  /** Benchmarks only: one query-plan cache for every actor (the timing oracle bench/cache-oracle shows). */
  unsafeSharedPlans?: boolean;
}

/**
 * The gateway's response guard: the same policy the subgraphs apply, run again on the composed
 * response, so a bug in one subgraph cannot leak. It is the execution stage of the pipeline's
 * guard step (pipeline.ts): it wraps the gateway's executor, which keeps it behind one small
 * interface (a Router coprocessor could host the same steps).
 */
export function guardExecutor(options: ResponseGuardOptions): (loaded: LoadedGateway) => GatewayExecutor {
  const classes: ClassificationMap = classificationMap(parse(options.supergraphSdl));
  return (loaded) => {
    if (options.disabled) return loaded.executor;
    // The same document (an actor's own, from actor-documents.ts) gets the same hidden fields and
    // the same executed text every time: worked out once per document, gone with it.
    const withHidden = memo((document: DocumentNode) => withRecordFields(document, loaded.schema));
    const executedTexts = new WeakMap<DocumentNode, Map<string, string>>();
    const executedText = (document: DocumentNode, operationName: string | null | undefined) => {
      let byName = executedTexts.get(document);
      if (!byName) {
        byName = new Map();
        executedTexts.set(document, byName);
      }
      let text = byName.get(operationName ?? "");
      if (text === undefined) {
        text = executedDocument(document, operationName);
        byName.set(operationName ?? "", text);
      }
      return text;
    };
    const executor: GatewayExecutor = async (requestContext) => {
      const context = requestContext.context as unknown as GatewayContext;
      // The rules as they stood when the request arrived: a mutation's own response obeys them.
      const now = new Date();
      const executed = executedText(requestContext.document, requestContext.request.operationName);
      const document = withHidden(requestContext.document);
      const operation = getOperationAST(document, requestContext.request.operationName ?? undefined);
      const fragments = fragmentsOf(document);
      let variables: Record<string, unknown> = {};
      if (operation) {
        // @skip/@include and arguments are evaluated on coerced values (defaults applied), as the
        // executor evaluates them; values that don't coerce are the caller's error (400).
        const coerced = getVariableValues(loaded.schema, operation.variableDefinitions ?? [], requestContext.request.variables ?? {});
        if (coerced.errors) return { errors: coerced.errors };
        variables = coerced.coerced;
        assertEvaluable(loaded.schema, operation, fragments, variables);
      }
      const planned = (hash: string) => (options.unsafeSharedPlans ? hash : planKey(context.actor, hash));
      const intended = operation ? rootMutations(loaded.schema, operation, fragments, variables) : [];
      if (intended.length > 0 && options.beforeMutation) {
        try {
          await options.beforeMutation(intended, context, executed);
        } catch (error) {
          context.logger.error({ err: error, fields: intended.map((m) => m.field) }, "change intents not recorded: no mutation runs");
          return { errors: intended.map((m) => changeNotRecorded(m.key)) };
        }
      }
      const ran: { mutations: RootMutation[]; result: Awaited<ReturnType<GatewayExecutor>> }[] = [];
      if (operation && intended.length > 1) {
        // One change at a time, in order, stopping where the executor would: each one's outcome is known.
        for (const mutation of intended) {
          const single = onlyMutation(operation, fragments, mutation);
          const result = await loaded.executor({ ...requestContext, ...single, queryHash: planned(`${requestContext.queryHash}#${mutation.ordinal}`) } as GatewayGraphQLRequestContext);
          ran.push({ mutations: [mutation], result });
          if (!result.data) break;
        }
      } else {
        ran.push({ mutations: intended, result: await loaded.executor({ ...requestContext, document, operation, queryHash: planned(requestContext.queryHash) } as GatewayGraphQLRequestContext) });
      }
      const result = merged(ran.map((r) => r.result), ran.length === Math.max(intended.length, 1));
      const settled = settle(intended, ran);
      const refusedOperations = operationsRefused(result.errors).filter((refused) => !intended.some((m) => m.key === refused.path[0]));
      if (!result.data || !operation) {
        // A failed mutation with a non-null result leaves no data, but its outcome is recorded.
        if (refusedOperations.length > 0 || settled.length > 0) {
          await options.beforeRelease?.(
            { checks: [], decisions: [], facts: new Map(), mutations: settled, subgraphRedactions: [], refusedOperations, roots: operation ? rootFields({ schema: loaded.schema, fragments, variables }, operation) : [] },
            context,
            executed,
          );
        }
        return result;
      }

      const data = result.data as Record<string, unknown>;
      let found: ReturnType<typeof judge>;
      try {
        found = judge(data, operation, { schema: loaded.schema, fragments, variables, classes }, result.errors);
      } catch (error) {
        // A shape the guard cannot walk is refused whole: nothing of it leaves unjudged.
        context.logger.error({ err: error }, "response guard could not evaluate the operation: refused");
        throw operationNotEvaluable();
      }
      const { subgraphRedactions, roots } = found;
      const changed = new Map(found.mutations.map((m) => [m.path, m.subjectId]));
      const mutations = settled.map((m) => ({ ...m, subjectId: changed.get(m.path) ?? m.subjectId }));
      const subjectIds = [
        ...new Set([...found.checks, ...subgraphRedactions].map((c) => c.subjectId).filter((id): id is string => !!id)),
      ];
      const facts = new Map<string, SubjectFacts>();
      if (subjectIds.length > 0) {
        try {
          for (const subject of await options.loadFacts(subjectIds, context)) facts.set(subject.id, subject);
        } catch (error) {
          context.logger.warn({ err: error }, "subject facts unavailable at the gateway: withholding protected fields");
        }
      }
      const grants = { emergencyGrants: new Set(context.emergencyGrants), now };
      // What sits inside a withheld classified object leaves with it: neither judged nor recorded.
      let { checks, decisions } = reachable(found.checks, decideChecks(found.checks, context.actor as Actor, facts, grants));
      if (options.beforeRelease) {
        decisions = await options.beforeRelease({ checks, decisions, facts, mutations, subgraphRedactions, refusedOperations, roots }, context, executed);
        ({ checks, decisions } = reachable(checks, decisions));
      }
      const reported = new Set((result.errors ?? []).flatMap((error) => (error.path ? [pathKey(error.path)] : [])));
      const errors = redact(checks, decisions, reported);
      context.outcome?.withheld.push(...withheldOf(checks, decisions, reported));
      stripHidden(result.data);
      return errors.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...errors] } : result;
    };
    return executor;
  };
}

interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  classes: ClassificationMap;
}

/** One walk of the response: the checks, and the subjects (from the guard's own hidden fields) they and the audit need. */
function judge(data: Record<string, unknown>, operation: OperationDefinitionNode, walk: Operation, errors: readonly GraphQLError[] | undefined) {
  const subjects = new WeakMap<object, string | null>();
  const objects = new WeakMap<object, ObjectPlace>();
  const checks = findChecks(data, operation, { ...walk, subjects, objects });
  return {
    checks,
    roots: rootFields(walk, operation, data, subjects),
    subgraphRedactions: redactionsBySubgraphs(data, errors, subjects, objects),
    mutations: operation.operation === "mutation" ? mutationsOf(data, operation, walk, subjects) : [],
  };
}

/** Subgraph FORBIDDEN_FIELD errors, each with the person whose field it was (from the hidden fields). */
function redactionsBySubgraphs(
  data: Record<string, unknown>,
  errors: readonly GraphQLError[] | undefined,
  subjects: WeakMap<object, string | null>,
  objects: WeakMap<object, ObjectPlace>,
) {
  return (errors ?? []).flatMap((error) => {
    if (error.extensions?.code !== "FORBIDDEN_FIELD" || !error.path) return [];
    const holder = error.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null)?.[key], data) as
      | Record<string, unknown>
      | null
      | undefined;
    const subjectId = holder && typeof holder === "object" ? (subjects.get(holder) ?? null) : null;
    const field = fieldAt(objects, holder, error.path.at(-1) ?? "");
    return [{ path: [...error.path], subjectId, reason: String(error.extensions.reason ?? ""), ...field }];
  });
}

/** Nothing ran because its intent could not be recorded: a clear, retryable refusal. */
function changeNotRecorded(key: string): GraphQLError {
  return new GraphQLError("The audit trail cannot record this change now, so it was not made. Nothing was changed; try again.", {
    path: [key],
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE, http: { status: 503 } },
  });
}

/** The answers of the operation's parts as one: data only when every part ran and answered. */
function merged(results: Awaited<ReturnType<GatewayExecutor>>[], complete: boolean): Awaited<ReturnType<GatewayExecutor>> {
  if (results.length === 1 && complete) return results[0] as Awaited<ReturnType<GatewayExecutor>>;
  const errors = results.flatMap((r) => r.errors ?? []);
  const data = complete && results.every((r) => r.data) ? Object.assign({}, ...results.map((r) => r.data)) : null;
  return { data, ...(errors.length > 0 ? { errors } : {}) };
}

/** What became of each intended mutation, from the answer of the part it ran in. */
function settle(intended: RootMutation[], ran: { mutations: RootMutation[]; result: Awaited<ReturnType<GatewayExecutor>> }[]): MutationOutcome[] {
  return intended.map((mutation) => {
    const base = { ordinal: mutation.ordinal, field: mutation.field, path: mutation.key, subjectId: mutation.subjectId };
    const part = ran.find((r) => r.mutations.includes(mutation));
    if (!part) return { ...base, outcome: "NOT_RUN", code: null };
    const error = (part.result.errors ?? []).find((e) => e.path?.[0] === mutation.key) ?? (part.result.data ? undefined : part.result.errors?.[0]);
    if (error?.extensions?.code === "FORBIDDEN") return { ...base, outcome: "REFUSED", code: String(error.extensions.reason ?? "NOT_PERMITTED_FOR_ROLE") };
    if (error || !part.result.data?.[mutation.key]) return { ...base, outcome: "FAILED", code: String(error?.extensions?.code ?? "NO_RESULT") };
    return { ...base, outcome: "CHANGED", code: null };
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

/**
 * The root mutation fields as the executor collected them (aliases, fragments, @skip/@include),
 * each with the person it changed: read from the guard's own hidden fields on its result, never
 * from anything the caller named.
 */
function mutationsOf(data: Record<string, unknown>, operation: OperationDefinitionNode, walk: Operation, subjects: WeakMap<object, string | null>) {
  const root = walk.schema.getMutationType();
  if (!root) return [];
  return [...collectFields(walk.schema, walk.fragments, walk.variables, root, operation.selectionSet)].flatMap(([key, nodes]) => {
    const field = nodes[0]?.name.value ?? "";
    if (!root.getFields()[field]) return [];
    const value = data[key];
    const subjectId = value && typeof value === "object" ? (subjects.get(value) ?? null) : null;
    return [{ field, path: key, subjectId }];
  });
}

/** `derive` once per object it is given (a WeakMap: the result goes with its key). */
function memo<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, V>();
  return (key) => {
    if (results.has(key)) return results.get(key) as V;
    const value = derive(key);
    results.set(key, value);
    return value;
  };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
