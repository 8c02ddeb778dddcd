/** One scrape of a Prometheus text exposition: series ("name{a="x",b="y"}", labels sorted) → value. */
export type Scrape = Map<string, number>;

const SERIES = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const keyOf = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(",")}}`;

export async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  const series: Scrape = new Map();
  for (const line of (await response.text()).split("\n")) {
    const match = SERIES.exec(line.trim());
    if (!match || line.startsWith("#")) continue;
    const labels = Object.fromEntries([...(match[2] ?? "").matchAll(LABEL)].map((m) => [m[1] as string, m[2] as string]));
    series.set(keyOf(match[1] as string, labels), Number(match[3]));
  }
  return series;
}

/** The sum of every series of `name` whose labels include `labels`. */
export function total(scraped: Scrape, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [key, value] of scraped) {
    if (!key.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => key.includes(`${k}="${v}"`))) sum += value;
  }
  return sum;
}

/** How much `name` (with `labels`) moved between two scrapes. */
export const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}): number =>
  total(after, name, labels) - total(before, name, labels);
