/**
 * The gateway's default settings alone, for code that reads configuration without running a
 * gateway (the hub's table of environment variables, which every command of the hub loads):
 * importing them from the package's root would load Apollo, the guard and the audit with them.
 */
export { DEFAULT_FAULTS, type FaultSettings } from "./faults/settings.js";
export { DEFAULT_LIMITS, type OperationLimits } from "./limits/settings.js";
export { DEFAULT_TRAFFIC, type TrafficSettings } from "./traffic/settings.js";
