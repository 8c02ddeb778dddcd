import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import { REQUEST_ID_HEADER } from "@skyddsnat/platform";
import type { GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import type { GatewayContext } from "./context.js";

/** What a step sees at the door: the request line and headers. The body is not read yet. */
export interface DoorRequest {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  /** When the request arrived (performance.now()). */
  receivedAt: number;
}

/** The loaded supergraph's schema and the executor a step wraps. */
export interface LoadedGateway {
  schema: GraphQLSchema;
  executor: GatewayExecutor;
}

/**
 * One piece of the gateway, at the stages of a request it works on; server.ts lists the steps in
 * the order a request meets them. Every stage is optional:
 *
 * - `door`: from the headers alone, before a byte of the body is read. Throws an HttpError to
 *   refuse; the step that verifies the caller returns the request's context, later steps get it.
 * - `operation`: inside Apollo, on the document (parse options, validation rules, plugins).
 * - `execution`: wraps the executor: sees the operation as it will run and the composed
 *   response before it leaves (the guard, and through its hooks the audit).
 * - `answered`: once the response is sent (or the connection closed), refused or not, with the
 *   context if a step verified the caller: access logs and request metrics.
 *
 * The door and execution stages take plain data (headers; document, variables, response), the
 * shape of an Apollo Router coprocessor's RouterRequest and Execution/Supergraph stages, so a
 * step can move behind one without being rewritten.
 */
export interface GatewayStep {
  readonly name: string;
  door?(request: DoorRequest, context: GatewayContext | undefined): Promise<GatewayContext | undefined>;
  operation?: OperationStage;
  execution?(loaded: LoadedGateway): GatewayExecutor;
  answered?(request: DoorRequest, context: GatewayContext | undefined): void;
}

export interface OperationStage {
  parseOptions?: ParseOptions;
  validationRules?: ValidationRule[];
  plugins?: ApolloServerPlugin<GatewayContext>[];
}

/** The door stages in order; a request no step authenticated never gets past them. */
export function doorOf(steps: readonly GatewayStep[], requestIdOf: (req: IncomingMessage) => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<GatewayContext> => {
    const request = { req, res, requestId: requestIdOf(req), receivedAt: performance.now() };
    // On every answer, a refusal at the door included: it ties the response to logs and audit.
    res.setHeader(REQUEST_ID_HEADER, request.requestId);
    let context: GatewayContext | undefined;
    // Once: when the answer is written out, or when the connection closes before it is.
    let told = false;
    const answered = () => {
      if (told) return;
      told = true;
      for (const step of steps) step.answered?.(request, context);
    };
    res.once("finish", answered);
    res.once("close", answered);
    for (const step of steps) if (step.door) context = (await step.door(request, context)) ?? context;
    if (!context) throw new Error("no step of the door verified the caller");
    return context;
  };
}

/** The operation stages as Apollo Server's options: rules and plugins in the steps' order. */
export function operationOf(steps: readonly GatewayStep[]): Required<OperationStage> {
  const stages = steps.flatMap((step) => (step.operation ? [step.operation] : []));
  return {
    parseOptions: Object.assign({}, ...stages.map((stage) => stage.parseOptions ?? {})),
    validationRules: stages.flatMap((stage) => stage.validationRules ?? []),
    plugins: stages.flatMap((stage) => stage.plugins ?? []),
  };
}

/**
 * Puts the execution stages around the gateway's executor once the supergraph is loaded; the
 * first step listed is the outermost, so it sees the request first and the response last.
 */
export function withExecutionSteps(gateway: ApolloGateway, steps: readonly GatewayStep[]): ApolloGateway {
  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded = await load(loadOptions);
    const executor = steps.reduceRight<GatewayExecutor>((next, step) => (step.execution ? step.execution({ schema: loaded.schema, executor: next }) : next), loaded.executor);
    return { ...loaded, executor };
  };
  return gateway;
}
