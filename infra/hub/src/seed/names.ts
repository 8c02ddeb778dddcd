// Invented but ordinary Swedish names and places. Any likeness to a real person is chance.
export const WOMEN = ["Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lena", "Elin", "Johanna", "Linnea", "Hanna", "Sofia", "Amira", "Leyla", "Ida", "Malin", "Jenny", "Fatima", "Nadia", "Therese", "Camilla", "Petra", "Marie", "Helena", "Susanne"];
export const MEN = ["Johan", "Erik", "Lars", "Anders", "Mikael", "Peter", "Daniel", "Fredrik", "Marcus", "Stefan", "Jonas", "Patrik", "Ali", "Omar", "Mattias", "Niklas", "Tobias", "Henrik"];
export const CHILDREN = ["Alva", "Elsa", "Maja", "Ella", "Saga", "Wilma", "Noah", "William", "Hugo", "Liam", "Lucas", "Oscar", "Nora", "Vera", "Leo", "Elias", "Adam", "Selma", "Ines", "Edvin"];
export const FAMILY = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berglund", "Sandberg", "Holm", "Ekström", "Nyberg", "Hassan", "Ahmed", "Lundgren", "Bergström", "Sjöberg", "Forsberg", "Åkesson", "Hedlund", "Strand"];

export const MUNICIPALITIES = [
  { name: "Malmö", postal: "21" },
  { name: "Gävle", postal: "80" },
  { name: "Alingsås", postal: "44" },
  { name: "Göteborg", postal: "41" },
  { name: "Stockholm", postal: "11" },
  { name: "Uppsala", postal: "75" },
  { name: "Örebro", postal: "70" },
  { name: "Lund", postal: "22" },
  { name: "Borås", postal: "50" },
  { name: "Västerås", postal: "72" },
] as const;

export const STREETS = ["Lindvägen", "Björkgatan", "Storgatan", "Kvarngatan", "Ekbacken", "Solrosvägen", "Hantverkargatan", "Skolgatan", "Tallstigen", "Åsvägen", "Ängsgatan", "Fabriksgatan", "Sjövägen", "Granvägen", "Prästgårdsgatan"];
export const SCHOOLS = ["Lindängsskolan", "Björkhagaskolan", "Ekbackeskolan", "Solbergaskolan", "Tallbacksskolan", "Kvarnbyskolan"];
export const PRESCHOOLS = ["Förskolan Solrosen", "Förskolan Blåklinten", "Förskolan Humlan", "Förskolan Ekorren", "Förskolan Vitsippan"];
export const LANDLORDS = ["Kommunbostäder AB", "Hemtrygg Bostads AB", "Allmännyttan Norr AB", "Stadsbyggen Fastigheter AB"];
export const SHELTERS = ["Skyddat boende Linnean", "Skyddat boende Kastanjen", "Jourboende Fyren"];
export const MEETING_PLACES = ["Barnahus, samtalsrum 2", "Barnahus, samtalsrum 4", "Barnahus, lekterapirum"];

/** Phone numbers from the range the Swedish telecoms regulator reserves for fiction (070-1740605…699). */
export function fictionPhone(n: number): string {
  return `070-174 06 ${String(5 + (n % 95)).padStart(2, "0")}`;
}
