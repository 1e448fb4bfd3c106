/**
 * Fidelity bands: named ranges of the IPS-25 total. The commonly used cut-offs (115–125
 * exemplary, 100–114 good, 74–99 fair, ≤ 73 not IPS) could not be confirmed in a source
 * here (see shared/reference/published-figures.md), so they are only the default of a plan
 * setting, which a plan may replace with its own contiguous bands.
 */
import type { Violation } from '../io/errors.ts';
import { message } from '../io/messages.ts';
import type { LocalizedText } from '../io/plan.ts';
import { fidelityMessage as m } from './messages.ts';
import { TOTAL_MAX, TOTAL_MIN } from './scale.ts';

/** One band of totals, both ends included. */
export interface FidelityBand {
  /** Stable key for results.json (`good`); the report shows `label`. */
  id: string;
  min: number;
  max: number;
  label: LocalizedText;
}

/** The default bands, lowest first: the commonly used IPS-25 cut-offs (unconfirmed, see above). */
export const DEFAULT_FIDELITY_BANDS: readonly FidelityBand[] = Object.freeze(
  [
    { id: 'not_ips', min: 25, max: 73, label: { nb: 'Ikke IPS', en: 'Not IPS' } },
    { id: 'fair', min: 74, max: 99, label: { nb: 'Middels', en: 'Fair' } },
    { id: 'good', min: 100, max: 114, label: { nb: 'God', en: 'Good' } },
    { id: 'exemplary', min: 115, max: 125, label: { nb: 'Eksemplarisk', en: 'Exemplary' } },
  ].map((b) => Object.freeze({ ...b, label: Object.freeze(b.label) })),
);

/** Plan field the bands are read from, unless the caller names another. */
export const BANDS_FIELD = 'fidelity.bands';

const BAND_ID = /^[a-z][a-z0-9_]{0,39}$/;
const LABEL_MAX = 60;

/**
 * Validates the plan's fidelity bands (a JSON value) and returns them sorted lowest first,
 * or every violation found (file, plan field path, rule, what was found). Absent (undefined
 * or null) means the defaults. The bands must cover every total from 25 to 125 exactly
 * once, so that each complete rating falls in one band; they may be listed in any order.
 *
 * @example validateFidelityBands(undefined).bands?.map((b) => b.id) // ['not_ips', 'fair', 'good', 'exemplary']
 */
export function validateFidelityBands(
  raw: unknown,
  file = 'analysis-plan.json',
  field = BANDS_FIELD,
): { bands: FidelityBand[] | null; violations: Violation[] } {
  const violations: Violation[] = [];
  const add = (column: string, rule: string, found: unknown) => violations.push({ file, row: null, column, rule, found: describe(found) });
  const addCoverage = (rule: string, bands: FidelityBand[]) =>
    violations.push({ file, row: null, column: field, rule, found: bands.map((b) => `${b.min}–${b.max}`).join(', ') });
  if (raw === undefined || raw === null) return { bands: DEFAULT_FIDELITY_BANDS.map(copyBand), violations };
  if (!Array.isArray(raw) || raw.length === 0) {
    add(field, m.bandsList, raw);
    return { bands: null, violations };
  }
  const bands: FidelityBand[] = [];
  const ids = new Set<string>();
  raw.forEach((b: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(b)) {
      add(at, m.bandObject, b);
      return;
    }
    for (const key of Object.keys(b)) if (!['id', 'min', 'max', 'label'].includes(key)) add(`${at}.${key}`, message.planUnknownField, key);
    let ok = true;
    if (typeof b.id !== 'string' || !BAND_ID.test(b.id)) {
      add(`${at}.id`, m.bandId, b.id);
      ok = false;
    } else if (ids.has(b.id)) {
      add(`${at}.id`, message.duplicate, b.id);
      ok = false;
    }
    if (typeof b.id === 'string') ids.add(b.id);
    let boundsOk = true;
    for (const end of ['min', 'max'] as const) {
      const v = b[end];
      if (!Number.isInteger(v) || (v as number) < TOTAL_MIN || (v as number) > TOTAL_MAX) {
        add(`${at}.${end}`, m.bandBound(TOTAL_MIN, TOTAL_MAX), v);
        boundsOk = ok = false;
      }
    }
    if (boundsOk && (b.min as number) > (b.max as number)) {
      add(at, m.bandOrder, { min: b.min, max: b.max });
      ok = false;
    }
    const label = b.label;
    const text = (s: unknown) => typeof s === 'string' && s.trim() !== '' && s.length <= LABEL_MAX && !/\p{Cc}/u.test(s);
    if (!isObject(label) || !text(label.nb) || !text(label.en) || Object.keys(label).some((k) => k !== 'nb' && k !== 'en')) {
      add(`${at}.label`, m.bandLabel, label);
      ok = false;
    }
    if (ok) bands.push({ id: b.id as string, min: b.min as number, max: b.max as number, label: { nb: (label as LocalizedText).nb, en: (label as LocalizedText).en } });
  });
  if (violations.length > 0) return { bands: null, violations };

  // Coverage is checked on the sorted bands; each gap or overlap is named by its totals.
  bands.sort((a, b) => a.min - b.min || a.max - b.max);
  const first = bands[0]!;
  const last = bands.reduce((a, b) => (b.max > a.max ? b : a));
  if (first.min !== TOTAL_MIN) addCoverage(m.bandsStart(TOTAL_MIN), bands);
  for (let i = 1; i < bands.length; i++) {
    const reach = Math.max(...bands.slice(0, i).map((b) => b.max));
    const b = bands[i]!;
    if (b.min > reach + 1) addCoverage(m.bandsGap(reach + 1, b.min - 1), bands);
    else if (b.min <= reach) addCoverage(m.bandsOverlap(b.min, Math.min(reach, b.max)), bands);
  }
  if (last.max !== TOTAL_MAX) addCoverage(m.bandsEnd(TOTAL_MAX), bands);
  return violations.length > 0 ? { bands: null, violations } : { bands, violations };
}

/**
 * The band a complete IPS-25 total (25–125) falls in, given bands from
 * validateFidelityBands. Throws a RangeError for a total outside 25–125 or not covered,
 * which validated bands rule out.
 *
 * @example fidelityBand(100, DEFAULT_FIDELITY_BANDS).id // 'good'
 */
export function fidelityBand(total: number, bands: readonly FidelityBand[]): FidelityBand {
  if (!Number.isInteger(total) || total < TOTAL_MIN || total > TOTAL_MAX) {
    throw new RangeError(`fidelityBand: total must be a whole number from ${TOTAL_MIN} to ${TOTAL_MAX}, got ${total}`);
  }
  const band = bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`fidelityBand: no band covers the total ${total}`);
  return band;
}

function copyBand(b: FidelityBand): FidelityBand {
  return { id: b.id, min: b.min, max: b.max, label: { nb: b.label.nb, en: b.label.en } };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A plan value, short and safe for a message (plans hold no participant data). */
function describe(x: unknown): string {
  if (x === undefined) return 'missing';
  const s = JSON.stringify(x);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
