/**
 * Places for the synthetic population. The municipalities are real (the agencies behind the
 * project are municipal, and filters by municipality must find ordinary residents); everything
 * finer than a municipality — streets with numbers, postal codes, schools, preschools, landlords,
 * shelters — is invented or generic, so no seeded address points at a real home.
 */

export interface Municipality {
  name: string;
  /** Three-digit postal-code prefixes in use in the municipality; the last two digits are drawn. */
  postalPrefixes: readonly string[];
}

export const MUNICIPALITIES: readonly Municipality[] = [
  { name: "Malmö", postalPrefixes: ["211", "212", "214", "215", "216", "217"] },
  { name: "Gävle", postalPrefixes: ["802", "803", "804", "805", "806"] },
  { name: "Alingsås", postalPrefixes: ["441"] },
  { name: "Göteborg", postalPrefixes: ["411", "412", "413", "414", "415", "416", "417", "418"] },
  { name: "Stockholm", postalPrefixes: ["112", "113", "114", "116", "117", "118", "124", "129"] },
  { name: "Uppsala", postalPrefixes: ["752", "753", "754", "756", "757"] },
  { name: "Örebro", postalPrefixes: ["702", "703", "704", "705"] },
  { name: "Lund", postalPrefixes: ["222", "223", "224", "226", "227"] },
  { name: "Borås", postalPrefixes: ["503", "504", "506", "507"] },
  { name: "Västerås", postalPrefixes: ["722", "723", "724", "725"] },
  { name: "Norrköping", postalPrefixes: ["602", "603", "604"] },
  { name: "Sundsvall", postalPrefixes: ["852", "853", "854", "856"] },
  { name: "Jönköping", postalPrefixes: ["553", "554", "555", "556"] },
  { name: "Umeå", postalPrefixes: ["903", "904", "906", "907"] },
];

export const MUNICIPALITY_NAMES: readonly string[] = MUNICIPALITIES.map((m) => m.name);

/**
 * Street names of the kind every Swedish town has. Numbers are drawn; a street name plus number
 * plus municipality is kept unique per household by the population builder.
 */
export const STREETS = [
  "Lindvägen", "Björkgatan", "Storgatan", "Kvarngatan", "Ekbacken", "Hantverkargatan", "Skolgatan", "Tallstigen",
  "Åsvägen", "Ängsgatan", "Fabriksgatan", "Sjövägen", "Granvägen", "Prästgårdsgatan", "Lönngatan", "Smedjegatan",
  "Kyrkogatan", "Stationsvägen", "Vallgatan", "Nygatan", "Parkvägen", "Bergsgatan", "Mejerivägen", "Rosengatan",
  "Trädgårdsgatan", "Västra vägen", "Östra Långgatan", "Backstugevägen", "Hagagatan", "Furuvägen",
] as const;

/** Invented schools (grundskola and gymnasium) — generic nature-and-place names. */
export const SCHOOLS = [
  "Lindängsskolan", "Björkhagaskolan", "Ekbackeskolan", "Solbergaskolan", "Tallbacksskolan", "Kvarnbyskolan",
  "Sjöängsskolan", "Granhöjdsskolan", "Lönnkullaskolan", "Ängsvikens skola", "Rönnbärsskolan", "Hagalundsskolan",
  "Norrviksgymnasiet", "Kvarnbäckens gymnasium",
] as const;

/** Invented preschools. */
export const PRESCHOOLS = [
  "Förskolan Solrosen", "Förskolan Blåklinten", "Förskolan Humlan", "Förskolan Ekorren", "Förskolan Vitsippan",
  "Förskolan Nyckelpigan", "Förskolan Lingonet", "Förskolan Snäckan", "Förskolan Trollsländan", "Förskolan Måsen",
] as const;

/** Invented municipal housing companies (allmännyttan) that let the transitional flats. */
export const LANDLORDS = [
  "Kommunhem Bostäder AB",
  "Hemtrygg Bostads AB",
  "Allbo Fastigheter AB",
  "Stadsgården Bostäder AB",
  "Bygdehem i Mellansverige AB",
] as const;

/**
 * Generic kinds of place for incidents. The incident's place is location data; these read like
 * real police notes without pointing at a real address.
 */
export const INCIDENT_PLACE_KINDS = [
  "Utanför bostaden",
  "I trapphuset",
  "Vid förskolans entré",
  "Vid skolan",
  "Centralstationen",
  "Parkeringen vid köpcentrumet",
  "Busshållplats",
  "Arbetsplatsens entré",
  "Mataffären",
  "Lekplatsen i området",
] as const;

/** Where Barnahus meets: the place of an appointment is location data too. */
export const BARNAHUS_ROOMS = ["samtalsrum 1", "samtalsrum 2", "samtalsrum 3", "lekterapirummet", "videorummet"] as const;

/** "Streetname 12" from a street and a number. */
export function streetAddress(street: string, number: number): string {
  return `${street} ${number}`;
}

/** A postal code in the Swedish "NNN NN" form. */
export function postalCode(prefix: string, suffix: number): string {
  return `${prefix} ${String(suffix).padStart(2, "0")}`;
}
