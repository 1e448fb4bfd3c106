/**
 * Chart: the forest plot of the evidence. One row per pooled study, in order of publication
 * year with this trial last and highlighted in the intervention arm's colour: the study's
 * risk ratio as a square sized by its weight in the random-effects model, with its
 * confidence interval as a line. Below them the pooled risk ratios as diamonds (their width
 * is the confidence interval): the earlier studies without this trial, and all studies with
 * it; the dashed line through a diamond is the prediction interval. A vertical line at 1 marks
 * no difference; the axis is logarithmic, so 0.5 and 2 lie equally far from 1.
 *
 * To the left the study's name and whether it is published, synthetic or this trial; to the
 * right its risk ratio with the interval in words and its weight. The columns share the rows,
 * so the plot reads like the table under it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisPlan } from '../../io/plan.ts';
import type { TrialInContext } from '../../meta-analysis/trial-in-context.ts';
import { armRoles } from '../labels.ts';
import { formatInteger, formatPercent, formatRatio, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { OKABE_ITO } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const EVIDENCE_FOREST = 'evidence-forest';

const INK = '#1a1a1a';
const MUTED = '#666666';
const ROW_HEIGHT = 22;
const DIAMOND_HALF_HEIGHT = 0.38;
/** Tick values the axis may use; those within the domain are shown (a sparser set on a wide axis). */
const TICKS = [0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 20, 50];
const SPARSE_TICKS = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];

/** One row of the plot. */
export interface EvidenceForestRow {
  /** Row position from the top (0, 1, …). */
  y: number;
  kind: 'study' | 'this_trial' | 'pooled_earlier' | 'pooled_all';
  label: string;
  /** Published, synthetic or this trial (studies); empty for pooled rows. */
  source: string;
  estimate: number;
  ci_low: number;
  ci_high: number;
  /** The prediction interval (pooled rows only). */
  pi_low: number | null;
  pi_high: number | null;
  /** Share of the random-effects weight (studies only). */
  weight: number | null;
  /** The risk ratio with its interval, as the right-hand column shows it. */
  summary: string;
  weight_text: string;
  /** The point's accessible name. */
  point_label: string;
}

/** A risk ratio with its interval, "1,38 (1,03–1,85)". */
export function ratioWithInterval(estimate: number, ci: readonly [number, number], lang: Lang): string {
  return text(lang, 'ev_ratio_ci', { rr: formatRatio(estimate, lang), low: formatRatio(ci[0], lang), high: formatRatio(ci[1], lang) });
}

/** Name of a study's source for the plot and tables: published, synthetic or this trial. */
export function originLabel(origin: 'published' | 'synthetic' | 'this_trial', lang: Lang): string {
  return text(lang, origin === 'published' ? 'ev_origin_published' : origin === 'synthetic' ? 'ev_origin_synthetic' : 'ev_origin_this_trial');
}

/** A study's label: "Name (country, year)"; this trial by its role. */
export function studyLabel(s: { study: string; origin: string; country: string | null; year: number | null }, lang: Lang): string {
  if (s.origin === 'this_trial') return text(lang, 'ev_this_trial');
  const details = [s.country, s.year === null ? null : String(s.year)].filter((x): x is string => x !== null && x !== '');
  return details.length > 0 ? `${s.study} (${details.join(', ')})` : s.study;
}

/** The plot's rows: each pooled study, then the pooled diamonds (earlier studies, then all with this trial). */
export function evidenceForestRows(meta: TrialInContext, lang: Lang): EvidenceForestRow[] {
  const rows: Omit<EvidenceForestRow, 'y'>[] = [];
  const level = formatPercent(meta.level, lang, 1, 0);
  for (const s of meta.studies) {
    const label = studyLabel(s, lang);
    const summary = ratioWithInterval(s.estimate, s.ci, lang);
    rows.push({
      kind: s.origin === 'this_trial' ? 'this_trial' : 'study',
      label,
      source: originLabel(s.origin, lang),
      estimate: s.estimate,
      ci_low: s.ci[0],
      ci_high: s.ci[1],
      pi_low: null,
      pi_high: null,
      weight: s.weight_random,
      summary,
      weight_text: formatPercent(s.weight_random, lang, 1),
      point_label: text(lang, 'chart_ev_forest_point', { label, summary, level }),
    });
  }
  const pooled = (kind: 'pooled_earlier' | 'pooled_all', label: string, re: NonNullable<TrialInContext['random_effects']>) => {
    const summary = ratioWithInterval(re.estimate, re.ci, lang);
    rows.push({
      kind,
      label,
      source: '',
      estimate: re.estimate,
      ci_low: re.ci[0],
      ci_high: re.ci[1],
      pi_low: re.prediction_interval[0],
      pi_high: re.prediction_interval[1],
      weight: null,
      summary,
      weight_text: '',
      point_label: text(lang, 'chart_ev_forest_pooled_point', {
        label,
        summary,
        level,
        pi: text(lang, 'interval', { low: formatRatio(re.prediction_interval[0], lang), high: formatRatio(re.prediction_interval[1], lang) }),
      }),
    });
  };
  const earlier = meta.without_this_trial;
  if (earlier) pooled('pooled_earlier', text(lang, 'ev_pooled_earlier', { k: formatInteger(earlier.k, lang) }), earlier.random_effects);
  if (meta.random_effects) {
    const key = meta.this_trial.included ? 'ev_pooled_all' : 'ev_pooled_studies';
    pooled('pooled_all', text(lang, key, { k: formatInteger(meta.k, lang) }), meta.random_effects);
  }
  return rows.map((r, y) => ({ y, ...r }));
}

/** The x domain: every interval shown, 1 included, a little room at both ends. */
function domain(rows: readonly EvidenceForestRow[]): [number, number] {
  const values = rows.flatMap((r) => [r.ci_low, r.ci_high, r.pi_low, r.pi_high]).filter((v): v is number => v !== null && v > 0 && Number.isFinite(v));
  const low = Math.max(0.05, Math.min(1, ...values) / 1.15);
  const high = Math.min(50, Math.max(1, ...values) * 1.15);
  return [low, high];
}

/** Vega-Lite spec for the forest plot, with all wording in `lang`. */
export function evidenceForestSpec(meta: TrialInContext, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const rows = evidenceForestRows(meta, lang);
  const { arm_t, arm_c } = armRoles(plan);
  const level = formatPercent(meta.level, lang, 1, 0);
  const [low, high] = domain(rows);
  const ticks = (high / low > 30 ? SPARSE_TICKS : TICKS).filter((v) => v >= low && v <= high);
  const n = rows.length;
  const height = n * ROW_HEIGHT;
  const yDomain: number[] = [-0.5, n - 0.5];
  const xDomain: number[] = [low, high];
  const y = { field: 'y', type: 'quantitative', scale: { domain: yDomain, reverse: true, nice: false, zero: false }, axis: null } as const;
  const x = (field: string) =>
    ({
      field,
      type: 'quantitative',
      title: text(lang, 'axis_ev_risk_ratio', { arm_t, arm_c }),
      scale: { type: 'log', domain: xDomain, nice: false },
      axis: { values: ticks, format: '~r', grid: false },
    }) as const;
  const columnTitle = (t: string, align: 'left' | 'right' = 'left') => ({ text: t, anchor: align === 'left' ? 'start' : 'end', fontSize: 12, fontWeight: 'bold', orient: 'top', offset: 6 }) as const;
  // Studies in normal weight, this trial and the pooled rows in bold; this trial in its arm's colour.
  const textColumn = (field: string, width: number, title: string, align: 'left' | 'right', limit: number) => {
    const mark = (bold: boolean) => ({ type: 'text' as const, align, baseline: 'middle' as const, aria: false, limit, ...(bold ? { fontWeight: 'bold' as const } : {}) });
    return {
      width,
      height,
      title: columnTitle(title, align),
      encoding: {
        y,
        x: { value: align === 'left' ? 0 : width },
        text: { field, type: 'nominal' as const },
        color: { condition: { test: "datum.kind === 'this_trial'", value: OKABE_ITO.blue }, value: INK },
      },
      layer: [
        { transform: [{ filter: "datum.kind === 'study'" }], mark: mark(false) },
        { transform: [{ filter: "datum.kind !== 'study'" }], mark: mark(true) },
      ],
    };
  };
  const maxWeight = Math.max(...rows.map((r) => r.weight ?? 0), 1e-9);
  // An interval beyond the axis (only past 0.05 or 50) is drawn to the axis's end: clipping
  // would need SVG clip paths, whose ids are not stable from one rendering to the next.
  const clamp = (v: number) => Math.min(high, Math.max(low, v));
  const clampOrNull = (v: number | null) => (v === null ? null : clamp(v));
  const values = rows.map((r) => ({
    ...r,
    estimate: clamp(r.estimate),
    ci_low: clamp(r.ci_low),
    ci_high: clamp(r.ci_high),
    pi_low: clampOrNull(r.pi_low),
    pi_high: clampOrNull(r.pi_high),
    size: r.weight === null ? 0 : 24 + 176 * (r.weight / maxWeight),
  }));
  // The diamonds: three vertices per pooled row (left end, the estimate at full height, right end).
  const diamonds = rows
    .filter((r) => r.kind === 'pooled_earlier' || r.kind === 'pooled_all')
    .flatMap((r) => [
      { kind: r.kind, y: r.y, x: clamp(r.ci_low), top: r.y, bottom: r.y },
      { kind: r.kind, y: r.y, x: clamp(r.estimate), top: r.y - DIAMOND_HALF_HEIGHT, bottom: r.y + DIAMOND_HALF_HEIGHT },
      { kind: r.kind, y: r.y, x: clamp(r.ci_high), top: r.y, bottom: r.y },
    ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_ev_forest_title', { month: String(meta.this_trial.month) }), anchor: 'start', aria: false },
    description: text(lang, 'chart_ev_forest_description', { level }),
    data: { values },
    bounds: 'flush',
    spacing: 12,
    hconcat: [
      // Vega cuts text by a generous width estimate (about 0.8 em a character; real text is nearer 0.5 em),
      // so the limit lies beyond the column and a cut name still ends before the next column.
      textColumn('label', 270, text(lang, 'ev_study_col'), 'left', 400),
      {
        width: 92,
        height,
        title: columnTitle(text(lang, 'ev_source_col')),
        mark: { type: 'text', align: 'left', baseline: 'middle', aria: false, limit: 150, color: MUTED },
        encoding: { y, x: { value: 0 }, text: { field: 'source', type: 'nominal' } },
      },
      {
        width: 280,
        height,
        title: columnTitle(''),
        layer: [
          {
            // No difference: the line every interval is read against.
            mark: { type: 'rule', color: '#888888', strokeWidth: 1, aria: false },
            encoding: { x: { datum: 1, type: 'quantitative', scale: { type: 'log', domain: xDomain, nice: false } } },
          },
          {
            transform: [{ filter: 'datum.pi_low != null' }],
            mark: { type: 'rule', color: INK, strokeWidth: 1.5, strokeDash: [4, 3], aria: false },
            encoding: { y, x: x('pi_low'), x2: { field: 'pi_high' } },
          },
          {
            transform: [{ filter: "datum.kind === 'study' || datum.kind === 'this_trial'" }],
            mark: { type: 'rule', strokeWidth: 1.5, aria: false },
            encoding: {
              y,
              x: x('ci_low'),
              x2: { field: 'ci_high' },
              color: { condition: { test: "datum.kind === 'this_trial'", value: OKABE_ITO.blue }, value: INK },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'study' || datum.kind === 'this_trial'" }],
            mark: { type: 'point', shape: 'square', filled: true, opacity: 1 },
            encoding: {
              y,
              x: x('estimate'),
              size: { field: 'size', type: 'quantitative', scale: null, legend: null },
              color: { condition: { test: "datum.kind === 'this_trial'", value: OKABE_ITO.blue }, value: INK },
              description: { field: 'point_label', type: 'nominal' },
            },
          },
          {
            data: { values: diamonds },
            mark: { type: 'area', orient: 'vertical', line: false, opacity: 1, aria: false },
            encoding: {
              x: x('x'),
              y: { field: 'top', type: 'quantitative', scale: y.scale, axis: null },
              y2: { field: 'bottom' },
              detail: { field: 'kind', type: 'nominal' },
              color: { condition: { test: "datum.kind === 'pooled_all'", value: INK }, value: '#8c8c8c' },
            },
          },
          {
            // The pooled rows' accessible names (the diamonds are drawn as one shape each).
            transform: [{ filter: 'datum.pi_low != null' }],
            mark: { type: 'point', opacity: 0, size: 40 },
            encoding: { y, x: x('estimate'), description: { field: 'point_label', type: 'nominal' } },
          },
        ],
      },
      textColumn('summary', 118, text(lang, 'ev_ratio_col', { level }), 'right', 200),
      {
        width: 52,
        height,
        title: columnTitle(text(lang, 'ev_weight_col'), 'right'),
        mark: { type: 'text', align: 'right', baseline: 'middle', aria: false, color: INK },
        encoding: { y, x: { value: 52 }, text: { field: 'weight_text', type: 'nominal' } },
      },
    ],
    config: chartConfig(lang),
  };
}
