import { createHash, randomBytes } from "node:crypto";
import { describe, expect, test } from "@jest/globals";
import { parse } from "graphql";
import { operationHash, operationHashKey } from "./chain.js";
import { executedDocument } from "./executed-document.js";

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

describe("the executed document the hash covers", () => {
  const of = (text: string, name?: string) => executedDocument(parse(text), name);

  test("is the same for the same reads, however spaced, commented or aliased", () => {
    const plain = of(`{ person(id: "per_1") { id streetAddress } }`);
    expect(of(`{person(id:"per_1"){id,  streetAddress}} # a comment`)).toBe(plain);
    expect(of(`{ Gjutargatan_9: person(id: "per_1") { id x_Josefin: streetAddress } }`)).toBe(plain);
    expect(of(`{ Gjutargatan_9: person(id: "per_1") { id x_Josefin: streetAddress } }`)).not.toContain("Gjutargatan");
  });

  test("differs when the reads differ, and covers only the operation that ran", () => {
    expect(of(`{ person(id: "per_1") { id phone } }`)).not.toBe(of(`{ person(id: "per_1") { id streetAddress } }`));
    const two = `query A { person(id: "per_1") { id } } query B { person(id: "per_2") { id } }`;
    expect(of(two, "A")).toBe(of(`query A { person(id: "per_1") { id } }`));
    expect(of(two, "A")).not.toContain("per_2");
  });
});
