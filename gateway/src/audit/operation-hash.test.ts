import { createHash, randomBytes } from "node:crypto";
import { describe, expect, test } from "@jest/globals";
import { operationHash, operationHashKey } from "./chain.js";

describe("the audit's operation hash", () => {
  const chainKey = new Uint8Array(randomBytes(32));
  const key = operationHashKey(chainKey);
  const text = `\n{ persons(filter: { residenceMunicipality: "Gävle" }) { nodes { id } } }`;

  test("is keyed: a guess of the text's literals can't be confirmed against it", () => {
    expect(operationHash(key, text)).not.toBe(createHash("sha256").update(text).digest("hex"));
    expect(operationHash(key, text)).not.toBe(operationHash(operationHashKey(new Uint8Array(randomBytes(32))), text));
  });

  test("tells records of the same operation together", () => {
    expect(operationHash(key, text)).toBe(operationHash(key, `${text}`));
    expect(operationHash(key, text)).not.toBe(operationHash(key, text.replace("Gävle", "Malmö")));
  });

  test("uses a key of its own, derived from the chain key and not equal to it", () => {
    expect(Buffer.from(key).equals(Buffer.from(chainKey))).toBe(false);
    expect(Buffer.from(operationHashKey(chainKey)).equals(Buffer.from(key))).toBe(true);
  });
});
