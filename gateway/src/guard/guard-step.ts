import { parse } from "graphql";
import type { GatewayStep } from "../pipeline.js";
import { classificationMap } from "./classification-map.js";
import { guardExecutor, type ResponseGuardOptions } from "./guarded-gateway.js";
import { reservedNamesRule } from "./reserved-names.js";

/**
 * The pipeline's guard step: on the client's document, before the guard adds its hidden fields,
 * no alias may take one of their names; around execution, the response guard (and, through its
 * hooks, the audit step).
 */
export function responseGuardStep(options: ResponseGuardOptions): GatewayStep {
  return {
    name: "guard",
    operation: { validationRules: [reservedNamesRule(classificationMap(parse(options.supergraphSdl)))] },
    execution: guardExecutor(options),
  };
}
