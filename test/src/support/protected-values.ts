import { buildPopulation } from "@skyddsnat/hub";

/**
 * Every value of the seeded population that tells who someone is or where they can be found:
 * identity numbers, full names, addresses, phone numbers, the flats' addresses, schools and the
 * places of incidents. Telemetry (spans, log lines, metric labels) may carry none of them, of
 * any person, whatever the person's protection level.
 */
export function seededProtectedValues(): string[] {
  const seeded = buildPopulation();
  const values = [
    ...seeded.socialServices.persons.flatMap((p) => [p.identityNumber, `${p.givenName} ${p.familyName}`, p.streetAddress, p.phone]),
    ...seeded.housing.flats.map((f) => f.streetAddress),
    ...seeded.childServices.placements.map((p) => p.schoolName),
    ...seeded.policeLiaison.incidents.map((i) => i.place),
  ];
  // Short values (a number, a word) would be found by chance in ids and timings.
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v.length >= 6))];
}

/** The protected values found in `text` (none, if telemetry keeps its promise). */
export function protectedValuesIn(text: string, values: readonly string[]): string[] {
  return values.filter((value) => text.includes(value));
}
