import { afterEach, describe, expect, test } from "@jest/globals";
import { createLogger } from "./logger.js";

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
