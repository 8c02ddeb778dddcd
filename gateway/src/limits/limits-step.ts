import { callerMistakesPlugin } from "../caller-mistakes.js";
import type { GatewayContext } from "../context.js";
import type { GatewayStep } from "../pipeline.js";
import { operationLimits } from "./operation-limits.js";
import type { OperationLimits } from "./settings.js";

/**
 * The pipeline's limits step, inside Apollo (the document's length is checked in front of it:
 * admitDocument): its tokens while it is parsed, then, once valid, which operation (caller
 * mistakes), and its cost before it is planned.
 */
export function operationLimitsStep(limits: OperationLimits): GatewayStep {
  const configured = operationLimits<GatewayContext>(limits);
  return {
    name: "operation-limits",
    operation: {
      parseOptions: configured.parseOptions,
      validationRules: configured.validationRules,
      plugins: [...configured.plugins.slice(0, 1), callerMistakesPlugin<GatewayContext>(), ...configured.plugins.slice(1)],
    },
  };
}
