/**
 * The rule texts of the fidelity checks that src/io/messages.ts does not already have (it
 * keeps the shared ones: missing column, whole number from … to …, date, …), in one place
 * so their wording stays consistent, and the reader-facing caution in both report languages.
 */
import type { LocalizedText } from '../io/plan.ts';

export const fidelityMessage = {
  // fidelity.csv
  duplicateItem: (firstRow: number) =>
    `duplicate (site, item) in the same rating round (same rated_on); each item is rated once per round (first at row ${firstRow})`,
  siteNotInTrial: (rows: number) =>
    `site is not one of the trial's sites in participants.csv (check the spelling; ${rows} row${rows === 1 ? '' : 's'} of this site, the first shown)`,

  // analysis-plan.json, the fidelity bands
  bandsList: 'must be a list of bands, each { "id": "…", "min": n, "max": n, "label": { "nb": "…", "en": "…" } }',
  bandObject: 'each band must be an object with id, min, max and label',
  bandId: 'must be an id of 1–40 lower-case letters, digits or _, starting with a letter',
  bandBound: (min: number, max: number) => `must be a whole number from ${min} to ${max}`,
  bandOrder: 'min must not be above max',
  bandLabel: 'must be { "nb": "…", "en": "…" } with both labels non-empty, at most 60 characters, without line breaks',
  bandsStart: (min: number) => `the lowest band must start at ${min}, the lowest possible total`,
  bandsEnd: (max: number) => `the highest band must end at ${max}, the highest possible total`,
  bandsGap: (from: number, to: number) => `bands must be contiguous: no band covers the totals ${from}–${to}`,
  bandsOverlap: (from: number, to: number) => `bands must not overlap: the totals ${from}–${to} are in two bands`,
} as const;

/**
 * The caution shown beside the fidelity–employment correlation: few sites make the
 * correlation uncertain, and it compares sites, not people (an ecological correlation).
 */
export function fewSitesCaution(n: number): LocalizedText {
  return {
    nb:
      `Sammenhengen bygger på bare ${n} steder. Med så få steder er korrelasjonen svært usikker, og ett enkelt sted kan endre den mye. ` +
      'Den sammenligner steder, ikke personer, og viser ikke at høyere modelltrofasthet gir flere i arbeid.',
    en:
      `The relation rests on only ${n} sites. With so few sites the correlation is very uncertain, and a single site can change it a lot. ` +
      'It compares sites, not people, and does not show that higher fidelity leads to more people in work.',
  };
}
