export { LimitCode, limitRefusal } from "./codes.js";
export { listSizeEstimator } from "./cost.js";
export { documentTooLong } from "./document-size.js";
export { type ConfiguredLimits, LIMIT_CODES, operationLimits } from "./operation-limits.js";
export { DEFAULT_LIMITS, LIMIT_VARIABLES, LimitSettingError, limitsFromEnv, type OperationLimits } from "./settings.js";
