import { afterEach, describe, expect, test } from "@jest/globals";
import { createLogger, safeError } from "./logger.js";

describe("createLogger", () => {
  const saved = process.env.LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = saved;
  });

  test("defaults to info and carries its name and bindings", () => {
    delete process.env.LOG_LEVEL;
    const logger = createLogger("hub", { subgraph: "housing" });
    expect(logger.level).toBe("info");
    expect(logger.bindings()).toMatchObject({ name: "hub", subgraph: "housing" });
  });

  test("takes its level from LOG_LEVEL, silent included", () => {
    process.env.LOG_LEVEL = "silent";
    expect(createLogger("quiet").level).toBe("silent");
    process.env.LOG_LEVEL = "debug";
    expect(createLogger("chatty").isLevelEnabled("debug")).toBe(true);
  });
});

describe("errors in the log", () => {
  test("an error is logged by type, code and place, never by its message (which may quote data)", () => {
    const error = Object.assign(new Error("Invalid `tx.incident.create()` invocation: place: \"Lindvägen 12, Gävle\""), {
      code: "P2009",
      meta: { driverAdapterError: { cause: { originalCode: "22001" } } },
    });
    const logged = JSON.stringify(safeError(error));
    expect(logged).not.toContain("Lindvägen");
    expect(JSON.parse(logged)).toMatchObject({ type: "Error", code: "P2009", sqlState: "22001", at: expect.any(Array) });
  });
});
