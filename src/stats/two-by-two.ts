/**
 * Ratio effect measures of a two-by-two table: intervention x1 of n1 with the outcome
 * (e.g. employed), control x2 of n2. Cells a = x1, b = n1 − x1, c = x2, d = n2 − x2.
 */
import { checkCounts } from './clopper-pearson.ts';
import { normalQuantileTwoSided } from './wilson.ts';

/**
 * Why a table carries no information on association: 'no_events' when nobody in either
 * arm has the outcome (x1 = x2 = 0), 'all_events' when everybody has it (x1 = n1 and
 * x2 = n2). Either way one column margin of the table is 0.
 */
export type TableNote = 'no_events' | 'all_events' | null;

/** 'haldane_anscombe_0.5' when 0.5 was added to every cell because one of them was 0. */
export type ZeroCellCorrection = 'haldane_anscombe_0.5' | null;

/**
 * A risk or odds ratio (intervention over control, unitless, > 0) with its interval
 * [low, high]. estimate and ci are null exactly when note is not null: with no events,
 * or only events, in both arms the ratio is undefined (0/0) or carries no information.
 * When correction is set, estimate and ci come from the corrected table.
 */
export interface RatioResult {
  estimate: number | null;
  ci: [number, number] | null;
  correction: ZeroCellCorrection;
  note: TableNote;
}

/**
 * Risk ratio (x1/n1)/(x2/n2) with the log-scale Wald interval of Katz et al. 1978
 * (Biometrics 34:469): exp(log RR ± z·se), se² = 1/a − 1/n1 + 1/c − 1/n2, computed as
 * b/(a·n1) + d/(c·n2) to avoid cancellation. When any cell is 0 (and the note is null),
 * 0.5 is added to all four cells first, so n1 and n2 each grow by 1 (Haldane 1956, Ann Hum
 * Genet 20:309; Anscombe 1956, Biometrika 43:461). All events in both arms gives note
 * 'all_events': the risks are both 1 and the table says nothing about their ratio.
 *
 * @example riskRatio(56, 70, 48, 80, 0.95) // { estimate: 1.3333…, ci: [1.07662…, 1.65124…], correction: null, note: null }
 */
export function riskRatio(x1: number, n1: number, x2: number, n2: number, confidence: number): RatioResult {
  return ratio(x1, n1, x2, n2, confidence, 'riskRatio', (a, b, c, d) => ({
    estimate: (a * (c + d)) / (c * (a + b)),
    variance: b / (a * (a + b)) + d / (c * (c + d)),
  }));
}

/**
 * Odds ratio (a·d)/(b·c) with Woolf's logit interval (Woolf 1955, Ann Hum Genet 19:251):
 * exp(log OR ± z·se), se² = 1/a + 1/b + 1/c + 1/d. When any cell is 0 (and the note is
 * null), 0.5 is added to all four cells first (Haldane–Anscombe, as riskRatio). This is
 * the sample odds ratio, not the conditional maximum-likelihood estimate of R's
 * fisher.test.
 *
 * @example oddsRatio(56, 70, 48, 80, 0.95) // { estimate: 2.6666…, ci: [1.27621…, 5.57201…], correction: null, note: null }
 */
export function oddsRatio(x1: number, n1: number, x2: number, n2: number, confidence: number): RatioResult {
  return ratio(x1, n1, x2, n2, confidence, 'oddsRatio', (a, b, c, d) => ({
    estimate: (a * d) / (b * c),
    variance: 1 / a + 1 / b + 1 / c + 1 / d,
  }));
}

/** Validates the table (n1, n2 ≥ 1; 0 ≤ x ≤ n, whole numbers) and names a zero outcome margin. */
export function tableNote(x1: number, n1: number, x2: number, n2: number, caller: string): TableNote {
  checkCounts(x1, n1, caller);
  checkCounts(x2, n2, caller);
  if (x1 === 0 && x2 === 0) return 'no_events';
  if (x1 === n1 && x2 === n2) return 'all_events';
  return null;
}

type LogScale = (a: number, b: number, c: number, d: number) => { estimate: number; variance: number };

function ratio(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence: number,
  caller: string,
  measure: LogScale,
): RatioResult {
  const note = tableNote(x1, n1, x2, n2, caller);
  const z = normalQuantileTwoSided(confidence, caller);
  if (note !== null) return { estimate: null, ci: null, correction: null, note };
  let cells = [x1, n1 - x1, x2, n2 - x2] as const;
  const correction: ZeroCellCorrection = cells.includes(0) ? 'haldane_anscombe_0.5' : null;
  if (correction !== null) cells = [x1 + 0.5, n1 - x1 + 0.5, x2 + 0.5, n2 - x2 + 0.5];
  const { estimate, variance } = measure(...cells);
  const half = z * Math.sqrt(variance);
  return { estimate, ci: [estimate * Math.exp(-half), estimate * Math.exp(half)], correction, note: null };
}
