import { z } from "zod";
import { parseWitness } from "../audit-config.js";

/**
 * The shapes a setting's text may have, each a zod schema from the trimmed text to its typed
 * value. Their error messages are never shown: a refused value is reported by the variable's
 * `rule` (variables.ts), which cannot quote what was given.
 */

export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const port = (min = 1) => wholeNumber(min, 65535);

/** A port number from 0 (a free one) or `off` (null: not served at all). */
export const portOrOff = z.union([z.literal("off").transform(() => null), wholeNumber(0, 65535)]);

export const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) => z.enum(values);

/** "true" or "false", nothing looser: a typo must not silently mean either. */
export const flag = z.enum(["true", "false"]).transform((text) => text === "true");

const parses = (text: string) => URL.canParse(text);
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//).refine(parses);
export const httpUrl = z.string().regex(/^https?:\/\//).refine(parses);
export const redisUrl = z.string().regex(/^rediss?:\/\//).refine(parses);

/** A path to a file or directory; its contents are read (and checked) by whoever uses it. */
export const path = z.string().min(1);

/** A PostgreSQL role, as created unquoted. */
export const roleName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const logLevel = oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** scheme://host[:port], comma-separated, no path and no wildcard (the gateway's CORS check). */
export const origins = z
  .string()
  .transform((text) => text.split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""))
  .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/)));

/** file:<path>, nats://host:port/<stream> or none (audit-config.ts). */
export const witness = z.string().transform((text, context) => {
  try {
    return parseWitness(text);
  } catch {
    context.addIssue({ code: "custom", message: "not a witness" });
    return z.NEVER;
  }
});
