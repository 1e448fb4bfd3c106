/**
 * Chart: a forest plot of the pre-declared subgroups. One row per subgroup level under a
 * heading row per variable; to the left the subgroup's name and how many were analysed in
 * each arm, in the middle the risk difference in percentage points as a point with its
 * interval as a horizontal line and a vertical line at 0 (no difference), to the right the
 * same numbers in words and, on each heading row, the interaction p-value. The columns are
 * views side by side that share the rows, so the plot reads like the table under it.
 *
 * A level hidden by the small-number rule (suppressed by the outcomes stage, or hidden here
 * so it cannot be worked out from all participants minus the other levels; see
 * src/report/disclosure.ts, subgroupDisclosure) shows ":" for its counts and its difference
 * and has no point. So does "all participants" when the timepoint's employed count is hidden.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisPlan } from '../../io/plan.ts';
import type { Effect, SubgroupResult, TimepointEmployment } from '../../outcomes/employment-results.ts';
import { subgroupLevelLabel, variableHeading } from '../labels.ts';
import { HIDDEN, subgroupDisclosure, timepointDisclosure } from '../disclosure.ts';
import { effectNotes, effectText, interactionNote, NoteList } from '../effect-text.ts';
import { formatInteger, formatPercent, formatPoints, formatPStatement, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const SUBGROUPS = 'subgroups';

const INK = '#1a1a1a';
const ROW_HEIGHT = 22;
const LABEL_WIDTH = 210;
/** Estimated width at which a name is cut with an ellipsis: about 40 characters. */
const LABEL_LIMIT = 330;
const INDENT = 14;

/** One row of the plot: a variable's heading, a level, or all participants. Differences in percentage points. */
export interface ForestRow {
  /** Row key, unique and in display order ('r0', 'r1', …). */
  row: string;
  kind: 'overall' | 'header' | 'level';
  label: string;
  /** Counts and difference hidden by the small-number rule (shown as ":"). */
  hidden: boolean;
  /** Analysed per arm, formatted; empty on heading rows. */
  n: Record<string, string>;
  /** Employed per arm, formatted; empty on heading rows. */
  employed: Record<string, string>;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /**
   * The right-hand column: the difference with its interval or "cannot be estimated", on a
   * heading row the interaction p-value; with superscript numbers of its notes.
   */
  summary: string;
  /** The point's accessible name. */
  point_label: string;
}

/** The interaction cell of a variable: "samspill: p = 0,43", or "samspill: kan ikke beregnes". */
export function interactionText(s: SubgroupResult, lang: Lang): string {
  return text(lang, 'subgroup_interaction', { p: s.interaction ? formatPStatement(s.interaction.p, lang) : text(lang, 'not_estimable') });
}

/**
 * The plot's rows: all participants (from the timepoint of the subgroups' month, when
 * there is one), then per variable a heading and its levels, in the result's order; the
 * numbered notes their superscripts refer to; and whether any row is hidden (":", for the
 * footnote).
 */
export function forestRows(
  subgroups: SubgroupResult[],
  overall: TimepointEmployment | undefined,
  plan: AnalysisPlan,
  lang: Lang,
): { rows: ForestRow[]; notes: string[]; hidden: boolean } {
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  const notes = new NoteList();
  const rows: Omit<ForestRow, 'row'>[] = [];
  // A hidden level's counts are ":", whether the stage suppressed them (null) or the report hides them.
  const count = (k: number | null | undefined, hidden: boolean) => (k === undefined ? '' : k === null || hidden ? HIDDEN : formatInteger(k, lang));
  /** Formatted counts per arm; `nHidden` hides the analysed too (a hidden level), `employedHidden` the employed of an arm. */
  const perArm = (arms: Record<string, { n: number | null; employed: number | null }>, nHidden: boolean, employedHidden: (arm: string) => boolean) => ({
    n: Object.fromEntries(plan.arms.map((arm) => [arm, count(arms[arm]?.n, nHidden)])),
    employed: Object.fromEntries(plan.arms.map((arm) => [arm, count(arms[arm]?.employed, nHidden || employedHidden(arm))])),
  });
  const hiddenNumbers = (label: string) => ({
    estimate: null,
    ci_low: null,
    ci_high: null,
    summary: HIDDEN,
    point_label: `${label}: ${text(lang, 'chart_value_hidden')}`,
  });
  const numbers = (label: string, effect: Effect) => {
    const ci = effect.estimate === null ? null : effect.ci;
    return {
      estimate: effect.estimate === null ? null : effect.estimate * 100,
      ci_low: ci === null ? null : ci[0] * 100,
      ci_high: ci === null ? null : ci[1] * 100,
      summary: effectText(effect, 'points', lang) + notes.superscript(effectNotes(effect, lang)),
      point_label:
        effect.estimate === null
          ? `${label}: ${text(lang, 'not_estimable')}`
          : text(lang, 'chart_subgroups_point', {
              label,
              estimate: formatPoints(effect.estimate, lang),
              ci: ci ? text(lang, 'key_result_ci', { level, low: formatPoints(ci[0], lang), high: formatPoints(ci[1], lang) }) : '',
            }),
    };
  };
  if (overall) {
    const label = text(lang, 'subgroup_all');
    const disclosure = timepointDisclosure(overall.arms, plan);
    rows.push({
      kind: 'overall',
      label,
      hidden: disclosure.crude,
      // Analysed per arm is a count of the trial's flow: shown even when the employed count is hidden.
      ...perArm(overall.arms, false, (arm) => disclosure.arms[arm] === true),
      ...(disclosure.crude ? hiddenNumbers(label) : numbers(label, overall.risk_difference)),
    });
  }
  const hiddenLevels = subgroupDisclosure(subgroups, overall, plan);
  subgroups.forEach((s, k) => {
    const heading = variableHeading(s.variable, lang);
    const headingNotes = s.note === null ? [] : [interactionNote(s.note, lang)];
    rows.push({
      kind: 'header',
      label: heading,
      hidden: false,
      n: {},
      employed: {},
      estimate: null,
      ci_low: null,
      ci_high: null,
      summary: interactionText(s, lang) + notes.superscript(headingNotes),
      point_label: heading,
    });
    s.levels.forEach((l, i) => {
      const label = subgroupLevelLabel(s.variable, l.level, lang);
      const hidden = hiddenLevels[k]![i]!;
      const name = `${heading}, ${label}`;
      rows.push({ kind: 'level', label, hidden, ...perArm(l.arms, hidden, () => false), ...(hidden ? hiddenNumbers(name) : numbers(name, l.risk_difference)) });
    });
  });
  return { rows: rows.map((r, i) => ({ row: `r${i}`, ...r })), notes: notes.notes, hidden: rows.some((r) => r.hidden) };
}

/** Vega-Lite spec for the subgroup forest plot at `month`, with all wording in `lang`. */
export function subgroupForestSpec(
  subgroups: SubgroupResult[],
  overall: TimepointEmployment | undefined,
  plan: AnalysisPlan,
  lang: Lang,
): TopLevelSpec {
  const { rows } = forestRows(subgroups, overall, plan, lang);
  const month = String(subgroups[0]?.month ?? overall?.month ?? plan.primary_timepoint);
  const control = plan.control_arm;
  const treatment = plan.arms.find((a) => a !== control) ?? '';
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  const keys = rows.map((r) => r.row);
  // With every difference hidden or not estimable there is nothing to take the axis from:
  // a fixed range around 0 keeps the line at 0 and the rows (Vega would warn of an empty extent).
  const xScale = rows.some((r) => r.estimate !== null) ? {} : { scale: { domain: [-10, 10] } };
  // Arm counts as fields of their own: arm names are data, not field names.
  const values = rows.map(({ n, employed: _employed, ...r }) => ({ ...r, ...Object.fromEntries(plan.arms.map((arm, i) => [`n${i}`, n[arm] ?? ''])) }));
  const y = { field: 'row', type: 'nominal', scale: { domain: keys }, axis: null } as const;
  const height = { step: ROW_HEIGHT };
  const columnTitle = (t: string, align: 'left' | 'right' = 'left') => ({ text: t, anchor: align === 'left' ? 'start' : 'end', fontSize: 12, fontWeight: 'bold', orient: 'top', offset: 6 }) as const;
  // Vega truncates text by an estimate of its width that is generous (about 0.8 em per
  // character, where real text averages near 0.5 em), so limits are well beyond the column.
  const textColumn = (field: string, width: number, limit: number, title: string, align: 'left' | 'right') =>
    ({
      width,
      height,
      title: columnTitle(title, align),
      mark: { type: 'text', align, baseline: 'middle', aria: false, limit, color: INK },
      encoding: { y, x: { value: align === 'left' ? 0 : width }, text: { field, type: 'nominal' } },
    }) as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_subgroups_title', { month }), anchor: 'start', aria: false },
    description: text(lang, 'chart_subgroups_description', { arm_t: treatment, arm_c: control, level }),
    data: { values },
    // Columns are placed by their set widths, not by Vega's (generous) estimate of text widths.
    bounds: 'flush',
    spacing: 12,
    hconcat: [
      {
        // Names: headings bold, levels indented under them.
        width: LABEL_WIDTH,
        height,
        title: columnTitle(text(lang, 'subgroup_col')),
        encoding: { y, text: { field: 'label', type: 'nominal' } },
        layer: [
          {
            transform: [{ filter: "datum.kind !== 'level'" }],
            mark: { type: 'text', align: 'left', baseline: 'middle', fontWeight: 'bold', aria: false, limit: LABEL_LIMIT, color: INK },
            encoding: { x: { value: 0 } },
          },
          {
            transform: [{ filter: "datum.kind === 'level'" }],
            mark: { type: 'text', align: 'left', baseline: 'middle', aria: false, limit: LABEL_LIMIT - INDENT, color: INK },
            encoding: { x: { value: INDENT } },
          },
        ],
      },
      ...plan.arms.map((arm, i) => textColumn(`n${i}`, 56, 120, text(lang, 'subgroup_n_col', { arm }), 'right')),
      {
        width: 260,
        height,
        title: columnTitle(''),
        layer: [
          {
            // No difference: the line every interval is read against.
            mark: { type: 'rule', color: '#888888', strokeWidth: 1, aria: false },
            encoding: { x: { datum: 0, type: 'quantitative' } },
          },
          {
            transform: [{ filter: 'datum.ci_low != null && datum.ci_high != null' }],
            mark: { type: 'rule', color: INK, strokeWidth: 1.5, aria: false },
            encoding: {
              y,
              x: { field: 'ci_low', type: 'quantitative', title: text(lang, 'axis_difference_pp', { arm_t: treatment, arm_c: control }), ...xScale },
              x2: { field: 'ci_high' },
            },
          },
          {
            transform: [{ filter: 'datum.estimate != null' }],
            mark: { type: 'point', shape: 'square', filled: true, size: 60, color: INK, opacity: 1 },
            encoding: {
              y,
              x: { field: 'estimate', type: 'quantitative', title: text(lang, 'axis_difference_pp', { arm_t: treatment, arm_c: control }), ...xScale },
              description: { field: 'point_label', type: 'nominal' },
            },
          },
        ],
      },
      textColumn('summary', 190, 400, text(lang, 'subgroup_difference_col', { level }), 'left'),
    ],
    config: chartConfig(lang),
  };
}
