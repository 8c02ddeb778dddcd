import { describe, expect, test } from "@jest/globals";
import { recordConsent, revokeConsent } from "./support/consents.js";
import { gqlAs } from "./support/http.js";
import { hasHousingApplication, QUIET_CLIENTS } from "./support/scenarios.js";

/*
 * Facts (levels, assignments, consents) are cached by every service that decides, and social
 * services' change feed tells them all to drop their copies when one of its mutations runs. These
 * tests read, change, and read again at once: a copy that outlived the change would show.
 */
const [client, secondClient] = QUIET_CLIENTS.filter(hasHousingApplication) as [string, string];

describe("a consent change applies in the very next request, in every service", () => {
  test("social services' case status, read by a housing officer (decided by social services and the gateway)", async () => {
    const caseStatus = async () => {
      const response = await gqlAs<{ person: { cases: { status: string | null }[] | null } }>(
        "HOUSING_OFFICER",
        "ho-3002",
        `{ person(id: "${client}") { cases { status } } }`,
        { purpose: "COORDINATED_SUPPORT" },
      );
      return response.data?.person.cases?.[0]?.status ?? null;
    };
    expect(await caseStatus()).toBeNull();
    const recorded = await recordConsent(client, "housing", "STATUS");
    expect(recorded.errors).toBeUndefined();
    expect(await caseStatus()).toEqual(expect.any(String));

    const revoked = await revokeConsent(recorded.data?.recordConsent.id, client);
    expect(revoked.errors).toBeUndefined();
    expect(await caseStatus()).toBeNull();
  });

  test("housing's application status, read by a police liaison (decided by housing from its cached copy)", async () => {
    // Housing never sees social services' mutation: only the change feed can tell it.
    const applicationStatus = async () => {
      const response = await gqlAs<{ person: { housingApplications: { status: string | null }[] | null } }>(
        "POLICE_LIAISON",
        "pl-4001",
        `{ person(id: "${secondClient}") { housingApplications { status } } }`,
        { purpose: "COORDINATED_SUPPORT" },
      );
      return {
        status: response.data?.person.housingApplications?.[0]?.status ?? null,
        withheldBy: (response.errors ?? []).map((e) => e.extensions?.reason),
      };
    };
    // Read twice, a moment apart: the first read may be the one that connects housing to the
    // feed (connecting drops copies); the second leaves housing holding a long-lived copy.
    expect((await applicationStatus()).status).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await applicationStatus()).status).toBeNull();
    // The application exists for her under HOUSING (what it says), its status under STATUS.
    const recorded = await recordConsent(secondClient, "police_liaison", "STATUS, HOUSING");
    expect(recorded.errors).toBeUndefined();
    expect(await applicationStatus()).toEqual({ status: expect.any(String), withheldBy: [] });

    const revoked = await revokeConsent(recorded.data?.recordConsent.id, secondClient);
    expect(revoked.errors).toBeUndefined();
    expect((await applicationStatus()).status).toBeNull();
  });
});
