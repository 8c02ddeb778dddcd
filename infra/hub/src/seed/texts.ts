/**
 * Free texts for the synthetic records: assessments, shelter placements, incident descriptions,
 * threat assessments, child-case notes, Barnahus summaries. They are short and written the way
 * case workers write, and they deliberately contain no names, addresses, phone numbers, schools
 * or municipalities: a free text is classified by its field (e.g. CASE_DETAIL), so a location
 * hidden inside it would slip past the LOCATION rules. The population test checks this.
 */

export const ASSESSMENTS = {
  PROTECTION_AND_SUPPORT: [
    "Klienten har lämnat en våldsam relation och behöver skydd, boende och stöd i kontakten med myndigheter.",
    "Återkommande hot från tidigare partner. Skyddsbedömning gjord; fortsatt stöd och uppföljning planeras.",
    "Klienten uppger psykiskt och ekonomiskt våld under flera år. Behov av trygg bostad och samordnat stöd.",
    "Hedersrelaterat våld och kontroll från närstående. Klienten önskar stöd att bryta upp och bo skyddat.",
    "Klienten och barnen har bevittnat och utsatts för våld. Insatser samordnas med barn- och familjeenheten.",
  ],
  SHELTER_FOLLOW_UP: [
    "Efter vistelse i skyddat boende behöver klienten långsiktigt stöd med boende, ekonomi och barnens skolgång.",
    "Utflyttad från skyddat boende. Uppföljning av boende, skuldsituation och kontakt med Försäkringskassan.",
    "Klienten har flyttat till genomgångslägenhet. Fortsatt behov av stödsamtal och samordning med polisen.",
  ],
  ECONOMIC_ASSISTANCE: [
    "Ansökan om ekonomiskt bistånd efter separation; inkomsten har upphört och skulder finns i gemensamt namn.",
    "Klienten saknar tillgång till egna medel efter uppbrottet. Bistånd till hyra och uppehälle under utredning.",
    "Behov av bistånd till hemutrustning efter flytt från skyddat boende.",
  ],
  EXIT_PROGRAMME: [
    "Klienten vill lämna ett kriminellt sammanhang och har tagit emot erbjudande om avhopparstöd.",
    "Avhopparverksamhet: stöd till ny bosättning, sysselsättning och motivationssamtal enligt plan.",
  ],
} as const;

/** The shelter placement, as social services notes it: the kind and length, never the shelter. */
export const SHELTER_PLACEMENTS = [
  "Skyddat boende genom ideell kvinnojour, sex veckor, därefter genomgångslägenhet.",
  "Skyddat boende med personal dygnet runt, fyra veckor; barnen placerade tillsammans med klienten.",
  "Akutplacering i jourlägenhet i två veckor, därefter skyddat boende i annan kommun.",
  "Skyddat boende i åtta veckor med stödsamtal och hjälp med myndighetskontakter.",
] as const;

export const INCIDENT_DESCRIPTIONS = {
  THREAT: [
    "Tidigare partner har skickat hotfulla meddelanden vid upprepade tillfällen.",
    "Hot om våld framfört via telefon; klienten uppger att hon är rädd för att lämna bostaden.",
  ],
  ASSAULT: [
    "Anmälan om misshandel i samband med överlämning av barn.",
    "Klienten har blivit knuffad och slagen; skador dokumenterade vid vårdcentral.",
  ],
  HARASSMENT: [
    "Upprepade oönskade kontaktförsök via sociala medier och via gemensamma bekanta.",
    "Trakasserier riktade mot klientens arbetsplats; arbetsgivaren informerad.",
  ],
  STALKING: [
    "Klienten uppger att hon blivit förföljd på väg hem vid flera tillfällen.",
    "Misstanke om att tidigare partner har spårat klientens bil; sökning genomförd.",
  ],
  BREACH_OF_ORDER: [
    "Överträdelse av kontaktförbud: den förbjudne har sökt upp klienten.",
    "Överträdelse av kontaktförbud genom sms och samtal från okänt nummer.",
  ],
  OTHER: ["Oro anmäld av närstående efter att klienten inte gått att nå under ett dygn."],
} as const;

export const THREAT_SUMMARIES = {
  LOW: ["Strukturerad hotbedömning: låg risk för nytt våld; ingen kontakt sedan kontaktförbudet."],
  MODERATE: [
    "Strukturerad hotbedömning: måttlig risk; kontaktförsök förekommer. Trygghetspaket erbjudet.",
    "Måttlig risk för upprepat våld. Rekommenderar fortsatt kontaktförbud och larmtelefon.",
  ],
  HIGH: [
    "Hög risk för allvarligt våld. Skyddade personuppgifter och skyddat boende rekommenderas.",
    "Hög risk; den hotande har tidigare dömts för våldsbrott. Personsäkerhetsarbete inlett.",
  ],
  SEVERE: ["Mycket hög risk för dödligt våld. Omedelbara skyddsåtgärder och samordning med åklagare."],
} as const;

export const CHILD_NOTES = {
  WITNESSED_VIOLENCE: [
    "Barnet har bevittnat våld i hemmet. Samtal via Barnahus planeras.",
    "Barnet visar oro och sömnsvårigheter efter att ha bevittnat våld. Krisstöd erbjudet.",
  ],
  DIRECT_VIOLENCE: [
    "Barnet har utsatts för våld av vårdnadshavare. Polisanmälan gjord; samråd i Barnahus.",
    "Misstanke om fysiskt våld mot barnet; läkarundersökning och barnförhör genomförda.",
  ],
  NEGLECT: ["Brister i omsorgen under tiden före uppbrottet; stöd till vårdnadshavaren i föräldraskapet."],
  SUPPORT_AFTER_RELOCATION: [
    "Stöd vid skolbyte efter flytt; skolan informerad om skyddade uppgifter.",
    "Uppföljning av barnets mående och skolgång efter flytt från skyddat boende.",
  ],
} as const;

export const CONSULTATION_SUMMARIES = [
  "Samråd med polis, åklagare och socialtjänst; barnet erbjuds krisstöd.",
  "Barnförhör genomfört; fortsatt behandlingskontakt via barn- och ungdomspsykiatrin.",
  "Uppföljande samråd; skyddsbedömning för barnet uppdaterad.",
  "Medicinsk bedömning och samtal med barnet; vårdnadshavaren informerad.",
] as const;
