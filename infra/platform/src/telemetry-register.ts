import { register } from "node:module";
import { INSTRUMENTED_MODULES, startTelemetry, tracingWanted } from "./telemetry.js";

/**
 * Loaded before the program (`node --import @skyddsnat/platform/telemetry …`): an ES module is
 * instrumented only if the loader hook is in place before it is imported, so this cannot be an
 * ordinary import of the entry point. Does nothing unless tracing is asked for (telemetry.ts);
 * the entry points call stopTelemetry on their way out, so what is buffered is sent.
 */
if (tracingWanted(process.env)) {
  register("@opentelemetry/instrumentation/hook.mjs", import.meta.url, { data: { include: INSTRUMENTED_MODULES } });
  await startTelemetry();
}
