import type { z } from "zod";
import { type Process, VARIABLES, type Variable, type VariableName } from "./variables.js";

type Entry<Name extends VariableName> = (typeof VARIABLES)[Name];
type Value<Name extends VariableName> = z.output<Entry<Name>["schema"]>;

/** A process's settings: a variable with a default (or required where read) always has a value. */
export type Settings = { readonly [Name in VariableName]: Entry<Name> extends { default: string } ? Value<Name> : Value<Name> | undefined };

export interface SettingProblem {
  variable: string;
  problem: string;
}

/** Settings that cannot be used: names every variable and its rule, never a value. */
export class ConfigurationError extends Error {
  constructor(readonly problems: SettingProblem[]) {
    super(problems.map(({ variable, problem }) => `${variable}: ${problem}`).join("; "));
  }
  get variable(): string {
    return this.problems[0]?.variable ?? "";
  }
}

/** A setting that cannot be used, found after parsing (a file's contents, two settings together). */
export const settingProblem = (variable: string, problem: string) => new ConfigurationError([{ variable, problem }]);

/**
 * Reads the variables `process` reads from `env`: each trimmed, empty as unset, unset as its
 * default, and parsed by its schema. Variables other processes read keep their defaults.
 * Every problem is reported at once.
 */
export function readEnvironment(process: Process, env: Record<string, string | undefined>): Settings {
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [name, entry] of Object.entries(VARIABLES) as [VariableName, Variable][]) {
    const given = entry.for.includes(process) ? env[name]?.trim() || undefined : undefined;
    if (given === undefined && entry.requiredIn?.includes(process)) {
      problems.push({ variable: name, problem: `is required; must be ${entry.rule}` });
      continue;
    }
    const text = given ?? entry.default;
    if (text === undefined) continue;
    const parsed = entry.schema.safeParse(text);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push({ variable: name, problem: `must be ${entry.rule}` });
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return settings as Settings;
}

/** The environment `readEnvironment` would accept, back as text (the gateway's own readers take that). */
export function variablesOf(process: Process, env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries((Object.entries(VARIABLES) as [VariableName, Variable][]).filter(([, entry]) => entry.for.includes(process)).map(([name]) => [name, env[name]]));
}
