/**
 * A synthetic fidelity.csv for the sample trial: one complete IPS-25 review per site, with
 * totals drawn from 97–109, the range Fyhn et al. (Implement Sci Commun 2020) report for
 * the six centres of the Norwegian trial ("fair to good"). Item profiles are invented:
 * mostly 4s with a few 3s and 5s, the shape of a service that is good but not exemplary.
 */
import { createRng, type Rng } from '../random/rng.ts';
import { ITEM_COUNT } from './scale.ts';
import { compareSites } from './site-fidelity.ts';

/** The published range of the Norwegian centres' IPS-25 totals (Fyhn et al. 2020). */
export const PUBLISHED_TOTAL_RANGE: readonly [number, number] = [97, 109];

/** Lowest item score drawn: the sample sites are IPS services, where 1s are rare. */
const LOWEST_DRAWN_SCORE = 2;

/**
 * CSV text (header `site,item,score,rated_on`, LF line ends) with 25 rows per distinct site
 * in `sites`, sites in Norwegian alphabetical order, items 1–25. Each site's total is
 * uniform on the whole numbers of `totalRange` (default 97–109); the review date is a day
 * in `year` (default 2014, the trial's first full year). Deterministic for a given `seed`
 * (a 32-bit unsigned integer) and set of sites.
 *
 * @example sampleFidelityCsv(['Oslo'], 1).split('\n')[1] // 'Oslo,1,4,2014-…'
 */
export function sampleFidelityCsv(
  sites: readonly string[],
  seed: number,
  options: { totalRange?: readonly [number, number]; year?: number } = {},
): string {
  const [low, high] = options.totalRange ?? PUBLISHED_TOTAL_RANGE;
  if (!Number.isInteger(low) || !Number.isInteger(high) || low > high || low < ITEM_COUNT * LOWEST_DRAWN_SCORE || high > ITEM_COUNT * 5) {
    throw new RangeError(`sampleFidelityCsv: totalRange must be whole numbers low ≤ high within ${ITEM_COUNT * LOWEST_DRAWN_SCORE}–${ITEM_COUNT * 5}, got ${low}–${high}`);
  }
  const year = options.year ?? 2014;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new RangeError(`sampleFidelityCsv: year must be a whole number from 1990 to 2100, got ${year}`);
  const rng = createRng(seed);
  const lines = ['site,item,score,rated_on'];
  for (const site of [...new Set(sites.map((s) => s.normalize('NFC')))].sort(compareSites)) {
    const items = itemProfile(rng, rng.int(low, high));
    const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    items.forEach((score, i) => lines.push(`${csvField(site)},${i + 1},${score},${date}`));
  }
  return `${lines.join('\n')}\n`;
}

/** 25 scores summing to `total`: all 4s, a few swaps of a point between items, then the rest. */
function itemProfile(rng: Rng, total: number): number[] {
  const items = new Array<number>(ITEM_COUNT).fill(4);
  const swaps = rng.int(3, 6);
  for (let k = 0; k < swaps; k++) {
    const i = rng.int(0, ITEM_COUNT - 1);
    const j = rng.int(0, ITEM_COUNT - 1);
    if (i !== j && items[i]! < 5 && items[j]! > LOWEST_DRAWN_SCORE) {
      items[i]!++;
      items[j]!--;
    }
  }
  let rest = total - items.reduce((a, s) => a + s, 0);
  while (rest !== 0) {
    const i = rng.int(0, ITEM_COUNT - 1);
    if (rest > 0 && items[i]! < 5) {
      items[i]!++;
      rest--;
    } else if (rest < 0 && items[i]! > LOWEST_DRAWN_SCORE) {
      items[i]!--;
      rest++;
    }
  }
  return items;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
