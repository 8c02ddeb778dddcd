import { registerEnumType } from "type-graphql";

/**
 * The legal ground on which the holding agency discloses in an emergency (issue 19, item 7): the
 * secrecy assessment is social services' own, and the ground it names is recorded with the grant
 * and covered by the grant's digest.
 */
export enum EmergencyGround {
  NECESSITY = "NECESSITY",
  OSL_10_18_B = "OSL_10_18_B",
  OSL_10_21_23 = "OSL_10_21_23",
}

registerEnumType(EmergencyGround, {
  name: "EmergencyGround",
  description: "The ground the holding agency discloses on in an emergency; recorded with the grant and reviewed afterwards.",
  valuesConfig: {
    NECESSITY: { description: "Nödsituation: a present danger to life or health that the disclosure averts." },
    OSL_10_18_B: { description: "Offentlighets- och sekretesslagen (2009:400) 10 kap. 18 b §: a provision that breaks secrecy for the disclosure." },
    OSL_10_21_23: { description: "Offentlighets- och sekretesslagen (2009:400) 10 kap. 21–23 §§: disclosure concerning suspected crime, to the police." },
  },
});

/** Where a request stands. SELF_GRANTED: a grant its requester made herself, before the two-person rule. */
export enum EmergencyStatus {
  PENDING = "PENDING",
  GRANTED = "GRANTED",
  REFUSED = "REFUSED",
  SELF_GRANTED = "SELF_GRANTED",
}

registerEnumType(EmergencyStatus, {
  name: "EmergencyStatus",
  description: "PENDING opens nothing; GRANTED opens the person's whereabouts to the requester until it expires; REFUSED opens nothing.",
});
