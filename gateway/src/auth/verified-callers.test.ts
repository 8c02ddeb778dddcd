import { describe, expect, test } from "@jest/globals";
import type { Actor } from "@skyddsnat/schema";
import { base64url } from "jose";
import { verifiedCallers } from "./verified-callers.js";

/*
 * A verified Authorization header is remembered for a short while: the same header again skips
 * the signature check; a refused one never is; nothing serves past the token's exp or the bound.
 * The verifier here stands in for verifyCaller (tested on its own) and counts its calls.
 */

const actor = { staffId: "hs-3001", agency: "housing", role: "HOUSING_OFFICER", purpose: "CASE_WORK", issuer: "https://idp.housing.test" } as Actor;
const bearer = (exp: number, id = "a") => `Bearer ${base64url.encode(JSON.stringify({ alg: "ES256" }))}.${base64url.encode(JSON.stringify({ exp, jti: id }))}.c2ln`;

function counting(refuse: (header: string | undefined) => boolean = () => false) {
  let calls = 0;
  const verify = async (header: string | undefined) => {
    calls += 1;
    if (refuse(header)) throw new Error("refused");
    return { ...actor };
  };
  return { verify, calls: () => calls };
}

describe("verifiedCallers", () => {
  test("the same header again is not verified again, and gets a copy of the actor", async () => {
    let clock = 1_000_000_000_000;
    const inner = counting();
    const verify = verifiedCallers(inner.verify, { now: () => clock });
    const header = bearer(clock / 1000 + 3600);
    const first = await verify(header);
    clock += 1000;
    const second = await verify(header);
    expect(inner.calls()).toBe(1);
    expect(second).toEqual(actor);
    expect(second).not.toBe(first);
    await verify(bearer(clock / 1000 + 3600, "another"));
    expect(inner.calls()).toBe(2);
  });

  test("a refused header is checked in full every time", async () => {
    const inner = counting(() => true);
    const verify = verifiedCallers(inner.verify);
    const header = bearer(Date.now() / 1000 + 3600);
    await expect(verify(header)).rejects.toThrow("refused");
    await expect(verify(header)).rejects.toThrow("refused");
    expect(inner.calls()).toBe(2);
    await expect(verify(undefined)).rejects.toThrow("refused");
  });

  test("nothing is served past the token's exp, nor past the bound after its verification", async () => {
    let clock = 1_000_000_000_000;
    let refuse = false;
    const inner = counting(() => refuse);
    const verify = verifiedCallers(inner.verify, { now: () => clock, maxAgeMs: 30_000 });
    const expiring = bearer(clock / 1000 + 10);
    await verify(expiring);
    clock += 10_000;
    refuse = true;
    await expect(verify(expiring)).rejects.toThrow("refused");

    refuse = false;
    const long = bearer(clock / 1000 + 3600);
    await verify(long);
    clock += 29_000;
    await verify(long);
    const before = inner.calls();
    clock += 2_000;
    refuse = true; // e.g. the issuer withdrew the key that signed it
    await expect(verify(long)).rejects.toThrow("refused");
    expect(inner.calls()).toBe(before + 1);
  });

  test("bounded: past its size the oldest header is verified again", async () => {
    const inner = counting();
    const verify = verifiedCallers(inner.verify, { maxEntries: 2 });
    const exp = Date.now() / 1000 + 3600;
    for (const id of ["a", "b", "c"]) await verify(bearer(exp, id));
    await verify(bearer(exp, "c"));
    expect(inner.calls()).toBe(3);
    await verify(bearer(exp, "a"));
    expect(inner.calls()).toBe(4);
  });
});
