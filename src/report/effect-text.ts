/**
 * Effect estimates in words and numbers for the employment section and its charts: a
 * difference in percentage points or a ratio with its interval, "cannot be estimated" for
 * a null estimate, and the notes that explain corrections and missing estimates. The notes
 * are plain sentences from the texts table; a note code this file does not know is shown as
 * it is (escaped where it reaches HTML), so nothing upstream says is silently dropped.
 */
import type { AdjustedOddsRatio, Effect, TimepointEmployment } from '../outcomes/employment-results.ts';
import { formatInteger, formatPoints, formatRatio, text, type Lang, type TextKey } from './texts.ts';

/** How an effect is written: a difference in percentage points, or a ratio. */
export type EffectScale = 'points' | 'ratio';

/**
 * "10,1 (4,9 til 15,3)"; without an interval just the estimate; "kan ikke beregnes" when
 * there is no estimate.
 * @example effectText({ estimate: 0.1011, ci: [0.0487, 0.1528], … }, 'points', 'en') // '10.1 (4.9 to 15.3)'
 */
export function effectText(effect: Pick<Effect, 'estimate' | 'ci'>, scale: EffectScale, lang: Lang): string {
  if (effect.estimate === null) return text(lang, 'not_estimable');
  const format = scale === 'points' ? formatPoints : formatRatio;
  const estimate = format(effect.estimate, lang);
  if (effect.ci === null) return estimate;
  return text(lang, 'estimate_ci', { estimate, low: format(effect.ci[0], lang), high: format(effect.ci[1], lang) });
}

/** Notes for a correction or a special case of `effect`, in the order correction, then note. */
export function effectNotes(effect: Pick<Effect, 'estimate' | 'correction' | 'note'>, lang: Lang): string[] {
  const notes: string[] = [];
  if (effect.correction === 'haldane_anscombe_0.5') notes.push(text(lang, 'note_haldane'));
  else if (effect.correction !== null) notes.push(text(lang, 'note_correction_other', { correction: effect.correction }));
  if (effect.note !== null) {
    const reason = effect.estimate === null ? notEstimableReason(effect.note, lang) : null;
    if (reason !== null) notes.push(text(lang, 'note_not_estimable', { reason }));
    // The standardized difference when every outcome is equal: 0 by definition, no model needed.
    else if (effect.estimate === 0 && (effect.note === 'no_events' || effect.note === 'all_events')) notes.push(text(lang, 'note_equal_outcomes_zero'));
    else notes.push(text(lang, effect.estimate === null ? 'note_unknown_null' : 'note_unknown', { note: effect.note }));
  }
  return notes;
}

const REASON_TEXT: Readonly<Record<string, TextKey>> = {
  no_events: 'reason_no_events',
  all_events: 'reason_all_events',
  no_data: 'reason_no_data',
  empty_arm: 'reason_empty_arm',
  suppressed: 'reason_suppressed',
  arm_not_estimable: 'reason_arm_not_estimable',
  all_outcomes_equal: 'reason_all_outcomes_equal',
};

/**
 * Why an estimate is missing, in words to follow "cannot be estimated:", for the notes the
 * outcomes stage gives; null for a note this file does not know.
 * @example notEstimableReason('no_events', 'en') // 'nobody was employed in either group'
 */
export function notEstimableReason(note: string | null, lang: Lang): string | null {
  const key = note === null ? undefined : REASON_TEXT[note];
  return key ? text(lang, key) : null;
}

/** Notes for the adjusted odds ratio: how the model was fitted, then the effect's own notes. */
export function adjustedOddsRatioNotes(aor: AdjustedOddsRatio, lang: Lang): string[] {
  const notes: string[] = [];
  if (aor.model === 'firth') notes.push(text(lang, aor.separation ? 'note_firth_separation' : 'note_firth'));
  else if (aor.separation) notes.push(text(lang, 'note_separation'));
  // A model never fitted (no estimate, with the reason in its note) did not fail to converge.
  if (!aor.converged && aor.estimate !== null) notes.push(text(lang, 'note_not_converged'));
  return [...notes, ...effectNotes(aor, lang)];
}

/**
 * Notes for the adjusted (g-computation) risk difference: Firth's method (its `correction`
 * is 'firth' when the model behind it was Firth's), resamples that failed, the effect's own
 * notes. `resamples` counts the resamples used, so the total drawn is used + failed.
 */
export function adjustedRiskDifferenceNotes(timepoint: TimepointEmployment, lang: Lang): string[] {
  const ard = timepoint.adjusted_risk_difference;
  if (!ard) return [];
  const notes: string[] = [];
  if (ard.correction === 'firth') {
    // The same words as the adjusted odds ratio's when that model was Firth's too.
    const aor = timepoint.adjusted_odds_ratio;
    notes.push(text(lang, aor?.model === 'firth' ? (aor.separation ? 'note_firth_separation' : 'note_firth') : 'note_firth_standardized'));
  }
  if (ard.failed_resamples > 0) {
    const total = ard.resamples + ard.failed_resamples;
    notes.push(text(lang, 'note_failed_resamples', { failed: formatInteger(ard.failed_resamples, lang), resamples: formatInteger(total, lang) }));
  }
  return [...notes, ...effectNotes({ ...ard, correction: ard.correction === 'firth' ? null : ard.correction }, lang)];
}

const INTERACTION_NOTE_TEXT: Readonly<Record<string, TextKey>> = {
  one_level: 'note_interaction_one_level',
  all_outcomes_equal: 'note_interaction_all_equal',
  not_estimable: 'note_interaction_not_estimable',
  separation: 'note_interaction_separation',
};

/** The note on a subgroup variable's interaction test in words; an unknown note as it is. */
export function interactionNote(note: string, lang: Lang): string {
  const key = INTERACTION_NOTE_TEXT[note];
  return key ? text(lang, key) : text(lang, 'note_unknown', { note });
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * Numbered notes, each text once, numbered in order of first use. `mark` gives the
 * numbers of a cell's notes, for a superscript.
 */
export class NoteList {
  readonly notes: string[] = [];

  /** The numbers (1-based) of `notes`, adding the ones not seen before. */
  mark(notes: readonly string[]): number[] {
    return notes.map((note) => {
      const i = this.notes.indexOf(note);
      if (i >= 0) return i + 1;
      this.notes.push(note);
      return this.notes.length;
    });
  }

  /** The marks of `notes` as Unicode superscripts ("¹,²"), for text inside a chart. */
  superscript(notes: readonly string[]): string {
    return this.mark(notes)
      .map((n) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]!).join(''))
      .join(',');
  }
}
