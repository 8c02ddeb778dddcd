/**
 * Given and family names for the synthetic population. Each name on its own is ordinary in
 * Sweden (that is what makes the data look real, and it reflects who the agencies meet); the
 * combinations with birth dates and identity numbers are drawn at random, so any likeness to a
 * real person is chance. The scenario households use names from these lists too, but are
 * hand-picked in scenarios.ts.
 */

export const WOMEN_GIVEN_NAMES = [
  "Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lena", "Elin", "Johanna", "Linnea",
  "Hanna", "Sofia", "Amira", "Leyla", "Malin", "Jenny", "Fatima", "Nadia", "Therese", "Camilla",
  "Petra", "Helena", "Susanne", "Hodan", "Zeynep", "Dragana", "Agnieszka", "Rana", "Josefin", "Frida",
  "Lisa", "Madeleine", "Annika", "Katarina", "Jessica", "Mirjam", "Aisha", "Shirin", "Tiina", "Veronika",
] as const;

export const MEN_GIVEN_NAMES = [
  "Johan", "Erik", "Lars", "Anders", "Mikael", "Peter", "Daniel", "Fredrik", "Marcus", "Stefan",
  "Jonas", "Patrik", "Ali", "Omar", "Mattias", "Niklas", "Tobias", "Henrik", "Robert", "Christian",
  "Ahmad", "Dragan", "Kristoffer", "Sebastian", "Joakim", "Mehmet", "Hassan", "Tomasz", "Andreas", "Magnus",
] as const;

/** Names common among children born 2009–2026. */
export const GIRLS_GIVEN_NAMES = [
  "Alva", "Elsa", "Maja", "Ella", "Saga", "Wilma", "Nora", "Vera", "Selma", "Ines",
  "Alice", "Olivia", "Astrid", "Freja", "Stella", "Lilly", "Mila", "Sofia", "Ebba", "Iris",
  "Ellie", "Leah", "Amina", "Yasmin", "Tilde",
] as const;

export const BOYS_GIVEN_NAMES = [
  "Noah", "William", "Hugo", "Liam", "Lucas", "Oscar", "Leo", "Elias", "Adam", "Edvin",
  "Alfred", "Vincent", "Theo", "Charlie", "Nils", "Ludvig", "Isak", "Malte", "Melvin", "Sam",
  "Yusuf", "Aron", "Viggo", "Omar", "Gustav",
] as const;

export const FAMILY_NAMES = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
  "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berglund", "Sandberg", "Holm", "Ekström", "Nyberg", "Hassan",
  "Ahmed", "Lundgren", "Bergström", "Sjöberg", "Forsberg", "Åkesson", "Hedlund", "Strand", "Mohammed", "Yilmaz",
  "Kovačević", "Nowak", "Virtanen", "Axelsson", "Engström", "Dahlgren", "Sundqvist", "Lund", "Blom", "Håkansson",
  "Falk", "Mattsson", "Wikström", "Öberg", "Jakobsson", "Abdi", "Rahimi", "Korhonen", "Fransson", "Norberg",
] as const;

export type Sex = "F" | "M";

/** The given-name list for an adult or a child of the given sex. */
export function givenNamesFor(sex: Sex, child: boolean): readonly string[] {
  if (child) return sex === "F" ? GIRLS_GIVEN_NAMES : BOYS_GIVEN_NAMES;
  return sex === "F" ? WOMEN_GIVEN_NAMES : MEN_GIVEN_NAMES;
}
