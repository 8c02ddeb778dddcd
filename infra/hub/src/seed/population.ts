import type { Prisma as ChildServices } from "@skyddsnat/child-services/prisma";
import type { Prisma as Housing } from "@skyddsnat/housing/prisma";
import type { Prisma as PoliceLiaison } from "@skyddsnat/police-liaison/prisma";
import type { ProtectionLevel } from "@skyddsnat/schema";
import type { Prisma as SocialServices } from "@skyddsnat/social-services/prisma";
import { identityNumber } from "./identity-numbers.js";
import * as names from "./names.js";
import { daysFromReference, Random } from "./random.js";

type ConsentState = "valid" | "revoked" | "expired";
type ConsentAgency = "social_services" | "housing" | "police_liaison" | "child_services";
type Scope = SocialServices.ConsentCreateManyInput["scope"];

interface HouseholdSpec {
  level: ProtectionLevel;
  /** The children's own level; by default the household's. */
  childLevel?: ProtectionLevel;
  children: number;
  caseStatus: "OPEN" | "CLOSED";
  socialSecretary: string;
  contactPerson?: string;
  consents: { agency: ConsentAgency; scope: string[]; state: ConsentState }[];
  housingHandler?: string;
  activeTenancyAdmin?: string;
  endedTenancyAdmin?: string;
  incidents: number;
  restrainingOrder: boolean;
  threatAssessment: boolean;
  childCaseOfficer?: string;
}

/** Ids of one household, for tests that need a known person in a known situation. */
export interface Household {
  adult: string;
  children: string[];
  caseId: string;
  restrainedPerson: string | null;
  activeTenancy: string | null;
  endedTenancy: string | null;
  applicationId: string | null;
  childCase: string | null;
  placement: string | null;
  consentIds: Record<ConsentState, string[]>;
}

export interface Population {
  socialServices: {
    persons: SocialServices.PersonCreateManyInput[];
    householdMembers: SocialServices.HouseholdMemberCreateManyInput[];
    cases: SocialServices.CaseCreateManyInput[];
    assignments: SocialServices.AssignmentCreateManyInput[];
    consents: SocialServices.ConsentCreateManyInput[];
  };
  housing: {
    flats: Housing.FlatCreateManyInput[];
    applications: Housing.HousingApplicationCreateManyInput[];
    tenancies: Housing.TenancyCreateManyInput[];
  };
  policeLiaison: {
    incidents: PoliceLiaison.IncidentCreateManyInput[];
    restrainingOrders: PoliceLiaison.RestrainingOrderCreateManyInput[];
    threatAssessments: PoliceLiaison.ThreatAssessmentCreateManyInput[];
  };
  childServices: {
    childCases: ChildServices.ChildCaseCreateManyInput[];
    placements: ChildServices.SchoolPlacementCreateManyInput[];
    consultations: ChildServices.BarnahusConsultationCreateManyInput[];
  };
  /** Named households the access-matrix tests rely on. */
  scenarios: Record<ProtectionLevel | "inheritedChild" | "closedCase", Household>;
}

const ASSESSMENTS = [
  "Klienten har lämnat en våldsam relation och behöver skydd, boende och stöd i kontakten med myndigheter.",
  "Återkommande hot från tidigare partner. Skyddsbedömning gjord; fortsatt stöd och uppföljning planeras.",
  "Efter vistelse i skyddat boende behöver klienten långsiktigt stöd med boende, ekonomi och barnens skolgång.",
];
const INCIDENT_TEXTS = [
  "Tidigare partner har skickat hotfulla meddelanden vid upprepade tillfällen.",
  "Klienten uppger att hon blivit förföljd på väg från arbetet.",
  "Anmälan om misshandel i samband med hämtning av barn.",
  "Överträdelse av kontaktförbud: den förbjudne har sökt upp klienten.",
];
const CHILD_NOTES = [
  "Barnet har bevittnat våld i hemmet. Samtal via Barnahus planeras.",
  "Stöd vid skolbyte efter flytt; skolan informerad om skyddade uppgifter.",
  "Uppföljning av barnets mående efter placering i skyddat boende.",
];

class Builder {
  readonly population: Omit<Population, "scenarios"> = {
    socialServices: { persons: [], householdMembers: [], cases: [], assignments: [], consents: [] },
    housing: { flats: [], applications: [], tenancies: [] },
    policeLiaison: { incidents: [], restrainingOrders: [], threatAssessments: [] },
    childServices: { childCases: [], placements: [], consultations: [] },
  };
  private serial = 0;

  constructor(private readonly random: Random) {}

  person(kind: "woman" | "man" | "child", level: ProtectionLevel, familyName: string, home: Home): string {
    const r = this.random;
    const id = r.id("per");
    const age = kind === "child" ? r.int(1, 16) : r.int(22, 58);
    const birthDate = new Date(Date.UTC(2026 - age, r.int(0, 11), r.int(1, 28)));
    const givenName = r.pick(kind === "woman" ? names.WOMEN : kind === "man" ? names.MEN : names.CHILDREN);
    const female = kind === "woman" || (kind === "child" && r.chance(0.5));
    this.serial += 1;
    // Protected registration: registered somewhere other than where the person lives.
    const registered =
      level === "PROTECTED_REGISTRATION" || level === "ASSUMED_IDENTITY"
        ? names.MUNICIPALITIES[(names.MUNICIPALITIES.findIndex((m) => m.name === home.city) + 3) % names.MUNICIPALITIES.length]!.name
        : home.city;
    this.population.socialServices.persons.push({
      id,
      identityNumber: identityNumber(birthDate, this.serial, female),
      givenName,
      familyName,
      birthDate,
      protectionLevel: level,
      streetAddress: home.street,
      postalCode: home.postalCode,
      city: home.city,
      phone: kind === "child" ? null : names.fictionPhone(this.serial),
      registeredMunicipality: registered,
      residenceMunicipality: home.city,
    });
    return id;
  }

  home(): Home {
    const r = this.random;
    const municipality = r.pick(names.MUNICIPALITIES);
    return {
      street: `${r.pick(names.STREETS)} ${r.int(1, 48)}`,
      postalCode: `${municipality.postal}${r.int(1, 9)} ${r.int(10, 99)}`,
      city: municipality.name,
    };
  }

  flat(home: Home): string {
    const id = this.random.id("flt");
    this.population.housing.flats.push({
      id,
      streetAddress: home.street,
      postalCode: home.postalCode,
      city: home.city,
      rooms: this.random.int(1, 4),
      landlord: this.random.pick(names.LANDLORDS),
    });
    return id;
  }

  household(spec: HouseholdSpec): Household {
    const r = this.random;
    const { socialServices: ss, housing, policeLiaison: police, childServices: child } = this.population;
    const familyName = r.pick(names.FAMILY);
    const home = this.home();
    const adult = this.person("woman", spec.level, familyName, home);
    const children = Array.from({ length: spec.children }, () => {
      const id = this.person("child", spec.childLevel ?? spec.level, familyName, home);
      ss.householdMembers.push({ parentId: adult, childId: id });
      return id;
    });

    const caseId = r.id("cas");
    const openedAt = daysFromReference(-r.int(30, 400));
    ss.cases.push({
      id: caseId,
      personId: adult,
      type: r.pick(["PROTECTION_AND_SUPPORT", "SHELTER_FOLLOW_UP", "EXIT_PROGRAMME"] as const),
      status: spec.caseStatus,
      openedAt,
      closedAt: spec.caseStatus === "CLOSED" ? daysFromReference(-r.int(1, 20)) : null,
      assessment: r.pick(ASSESSMENTS),
      shelterPlacement: r.chance(0.6) ? r.pick(names.SHELTERS) : null,
    });
    const assign = (staffId: string, role: "SOCIAL_SECRETARY" | "CONTACT_PERSON") =>
      ss.assignments.push({
        id: r.id("asg"),
        caseId,
        staffId,
        role,
        assignedAt: openedAt,
        endedAt: spec.caseStatus === "CLOSED" ? daysFromReference(-1) : null,
      });
    assign(spec.socialSecretary, "SOCIAL_SECRETARY");
    if (spec.contactPerson) assign(spec.contactPerson, "CONTACT_PERSON");

    const consentIds: Household["consentIds"] = { valid: [], revoked: [], expired: [] };
    for (const consent of spec.consents) {
      const id = r.id("con");
      consentIds[consent.state].push(id);
      ss.consents.push({
        id,
        personId: adult,
        recipientAgency: consent.agency,
        purpose: "COORDINATED_SUPPORT",
        scope: consent.scope as Scope,
        validFrom: daysFromReference(consent.state === "expired" ? -300 : -60),
        validTo: daysFromReference(consent.state === "expired" ? -30 : 3650),
        revokedAt: consent.state === "revoked" ? daysFromReference(-10) : null,
        recordedBy: spec.contactPerson ?? spec.socialSecretary,
      });
    }

    let applicationId: string | null = null;
    if (spec.housingHandler) {
      applicationId = r.id("app");
      housing.applications.push({
        id: applicationId,
        personId: adult,
        urgency: r.pick(["MEDIUM", "HIGH", "ACUTE"] as const),
        requestedArea: r.pick(names.MUNICIPALITIES).name,
        householdSize: 1 + spec.children,
        status: spec.activeTenancyAdmin ? "HOUSED" : "SUBMITTED",
        submittedAt: daysFromReference(-r.int(20, 200)),
        handlerId: spec.housingHandler,
      });
    }
    const tenancy = (administratorId: string, active: boolean) => {
      const id = r.id("ten");
      housing.tenancies.push({
        id,
        personId: adult,
        flatId: this.flat(active ? home : this.home()),
        administratorId,
        status: active ? "ACTIVE" : "ENDED",
        startsOn: daysFromReference(active ? -r.int(10, 120) : -r.int(400, 700)),
        endsOn: active ? null : daysFromReference(-r.int(150, 390)),
      });
      return id;
    };
    const endedTenancy = spec.endedTenancyAdmin ? tenancy(spec.endedTenancyAdmin, false) : null;
    const activeTenancy = spec.activeTenancyAdmin ? tenancy(spec.activeTenancyAdmin, true) : null;

    let restrainedPerson: string | null = null;
    if (spec.restrainingOrder || spec.incidents > 0) {
      restrainedPerson = this.person("man", "NONE", r.pick(names.FAMILY), this.home());
    }
    for (let i = 0; i < spec.incidents; i++) {
      police.incidents.push({
        id: r.id("inc"),
        personId: adult,
        occurredAt: daysFromReference(-r.int(5, 500)),
        category: r.pick(["THREAT", "ASSAULT", "HARASSMENT", "STALKING", "BREACH_OF_ORDER"] as const),
        place: `${r.pick(names.STREETS)}, ${home.city}`,
        description: r.pick(INCIDENT_TEXTS),
        reportedBy: r.pick(["pl-4001", "pl-4002"]),
      });
    }
    if (spec.restrainingOrder && restrainedPerson) {
      police.restrainingOrders.push({
        id: r.id("rso"),
        protectedPersonId: adult,
        restrainedPersonId: restrainedPerson,
        kind: r.pick(["BASIC", "EXTENDED", "WITHIN_HOUSEHOLD"] as const),
        validFrom: daysFromReference(-r.int(30, 200)),
        validTo: daysFromReference(r.int(30, 300)),
      });
    }
    if (spec.threatAssessment) {
      police.threatAssessments.push({
        id: r.id("thr"),
        personId: adult,
        level: r.pick(["MODERATE", "HIGH", "SEVERE"] as const),
        assessedAt: daysFromReference(-r.int(1, 90)),
        summary: "Strukturerad hotbedömning: fortsatt risk för kontaktförsök; skyddsåtgärder rekommenderas.",
        assessorId: "pl-4001",
      });
    }

    let childCase: string | null = null;
    let placement: string | null = null;
    const firstChild = children[0];
    if (spec.childCaseOfficer && firstChild) {
      childCase = r.id("chc");
      child.childCases.push({
        id: childCase,
        childId: firstChild,
        status: "OPEN",
        concern: r.pick(["WITNESSED_VIOLENCE", "SUPPORT_AFTER_RELOCATION", "DIRECT_VIOLENCE"] as const),
        openedAt: daysFromReference(-r.int(10, 200)),
        officerId: spec.childCaseOfficer,
        notes: r.pick(CHILD_NOTES),
      });
      placement = r.id("plc");
      const young = r.chance(0.4);
      child.placements.push({
        id: placement,
        childCaseId: childCase,
        childId: firstChild,
        kind: young ? "PRESCHOOL" : "SCHOOL",
        schoolName: r.pick(young ? names.PRESCHOOLS : names.SCHOOLS),
        municipality: home.city,
        startsOn: daysFromReference(-r.int(10, 300)),
        endsOn: null,
      });
      child.consultations.push({
        id: r.id("bhc"),
        childCaseId: childCase,
        heldAt: daysFromReference(r.int(1, 30)),
        location: r.pick(names.MEETING_PLACES),
        summary: "Samråd med polis, åklagare och socialtjänst; barnet erbjuds krisstöd.",
      });
    }
    return { adult, children, caseId, restrainedPerson, activeTenancy, endedTenancy, applicationId, childCase, placement, consentIds };
  }
}

interface Home {
  street: string;
  postalCode: string;
  city: string;
}

/** The scenario every access-matrix row can rely on: full relationships, all consent states. */
function scenario(level: ProtectionLevel, childLevel?: ProtectionLevel): HouseholdSpec {
  return {
    level,
    ...(childLevel ? { childLevel } : {}),
    children: 1,
    caseStatus: "OPEN",
    socialSecretary: "ss-1001",
    contactPerson: "cp-2001",
    consents: [
      { agency: "social_services", scope: ["STATUS", "HOUSING", "SAFETY", "CHILD", "LOCATION"], state: "valid" },
      { agency: "housing", scope: ["STATUS", "HOUSING", "LOCATION"], state: "revoked" },
      { agency: "police_liaison", scope: ["SAFETY", "LOCATION"], state: "expired" },
    ],
    housingHandler: "ho-3001",
    activeTenancyAdmin: "ho-3001",
    endedTenancyAdmin: "ho-3002",
    incidents: 1,
    restrainingOrder: true,
    threatAssessment: true,
    childCaseOfficer: "cs-5001",
  };
}

const LEVEL_WEIGHTS: [ProtectionLevel, number][] = [
  ["NONE", 0.4],
  ["CONFIDENTIALITY_MARKED", 0.25],
  ["PROTECTED_REGISTRATION", 0.25],
  ["ASSUMED_IDENTITY", 0.1],
];

/** The demo population: named scenarios first, then a random but reproducible population. */
export function buildPopulation(seed = 20261124, households = 80): Population {
  const random = new Random(seed);
  const builder = new Builder(random);
  const scenarios: Population["scenarios"] = {
    NONE: builder.household(scenario("NONE")),
    CONFIDENTIALITY_MARKED: builder.household(scenario("CONFIDENTIALITY_MARKED")),
    PROTECTED_REGISTRATION: builder.household(scenario("PROTECTED_REGISTRATION")),
    ASSUMED_IDENTITY: builder.household(scenario("ASSUMED_IDENTITY")),
    inheritedChild: builder.household(scenario("PROTECTED_REGISTRATION", "NONE")),
    closedCase: builder.household({ ...scenario("CONFIDENTIALITY_MARKED"), caseStatus: "CLOSED", socialSecretary: "ss-1002" }),
  };
  for (let i = 0; i < households; i++) {
    let roll = random.next();
    const level = LEVEL_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "NONE";
    const hasChildren = random.int(0, 3);
    builder.household({
      level,
      children: hasChildren,
      caseStatus: random.chance(0.85) ? "OPEN" : "CLOSED",
      socialSecretary: random.pick(["ss-1001", "ss-1002", "ss-1003", "ss-1004"]),
      ...(random.chance(0.6) ? { contactPerson: random.pick(["cp-2001", "cp-2002", "cp-2003"]) } : {}),
      consents: random.chance(0.5)
        ? [{ agency: random.pick(["social_services", "housing"] as const), scope: ["STATUS", "HOUSING"], state: random.pick(["valid", "valid", "revoked", "expired"] as const) }]
        : [],
      ...(random.chance(0.6) ? { housingHandler: random.pick(["ho-3001", "ho-3002", "ho-3003"]) } : {}),
      ...(random.chance(0.4) ? { activeTenancyAdmin: random.pick(["ho-3001", "ho-3002", "ho-3003"]) } : {}),
      ...(random.chance(0.2) ? { endedTenancyAdmin: random.pick(["ho-3001", "ho-3002"]) } : {}),
      incidents: random.int(0, 2),
      restrainingOrder: random.chance(0.3),
      threatAssessment: random.chance(0.3),
      ...(hasChildren > 0 && random.chance(0.6) ? { childCaseOfficer: random.pick(["cs-5001", "cs-5002", "cs-5003"]) } : {}),
    });
  }
  return { ...builder.population, scenarios };
}
