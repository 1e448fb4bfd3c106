/**
 * The employment results, the trial's primary question: a short plain-language statement
 * of the primary result for the top of the page, and the section with the estimates at each
 * timepoint, the share employed month by month, time to first job and the subgroups.
 *
 * Every difference is intervention minus control and every ratio intervention over
 * control, and the page says so wherever one is shown. Only rounding happens here; every
 * number comes from the outcomes stage.
 *
 * The small-number rule (src/report/disclosure.ts) applies to every table and chart here:
 * an employed count hides with its share, interval and the unadjusted estimates of its
 * timepoint; months of the time-to-first-job table are taken together; subgroup levels that
 * could be worked out are hidden. Each table that hides something has the footnote for ":".
 */
import type { AnalysisPlan } from '../io/plan.ts';
import type { ArmRate, Effect, TimepointEmployment } from '../outcomes/employment-results.ts';
import type { OutcomesResult } from '../outcomes/outcomes.ts';
import type { TimeToFirstJobArm } from '../outcomes/time-to-first-job.ts';
import { EMPLOYMENT_OVER_TIME, employmentOverTimeRows, employmentOverTimeSpec } from './charts/employment-over-time.ts';
import { kaplanMeierSpec, TIME_TO_FIRST_JOB } from './charts/kaplan-meier.ts';
import { forestRows, subgroupForestSpec, SUBGROUPS } from './charts/subgroup-forest.ts';
import { adjustedOddsRatioNotes, adjustedRiskDifferenceNotes, effectNotes, effectText, notEstimableReason, NoteList, type EffectScale } from './effect-text.ts';
import { countText, disclosureFootnote, disclosureNote, HIDDEN, hiddenCells, isSmall, kaplanMeierDisclosure, outcomeHidden, timepointDisclosure } from './disclosure.ts';
import { html, raw, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { armRoles, variablesInText } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import {
  formatDecimal,
  formatInteger,
  formatPercent,
  formatPStatement,
  formatPValue,
  formatRatio,
  text,
  type Lang,
  type TextKey,
} from './texts.ts';

const DASH = '–';

/** "95 %" / "95%": the plan's confidence level as the texts write it. */
function levelText(plan: AnalysisPlan, lang: Lang): string {
  return formatPercent(plan.confidence_level, lang, 1, 0);
}

/** The timepoint whose subgroups the forest plot shows: the subgroups' month, else the primary. */
function subgroupTimepoint(outcomes: OutcomesResult): TimepointEmployment | undefined {
  const month = outcomes.employment_subgroups[0]?.month;
  return outcomes.employment.find((t) => (month === undefined ? t.primary : t.month === month));
}

/**
 * The employment charts, in page order: month by month, time to first job, and the
 * subgroups when the plan has any.
 */
export async function renderEmploymentCharts(outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart[]> {
  const specs = [
    { name: EMPLOYMENT_OVER_TIME, spec: employmentOverTimeSpec(outcomes.employment_over_time, plan, lang) },
    { name: TIME_TO_FIRST_JOB, spec: kaplanMeierSpec(outcomes.time_to_first_job, plan, lang) },
    ...(outcomes.employment_subgroups.length > 0
      ? [{ name: SUBGROUPS, spec: subgroupForestSpec(outcomes.employment_subgroups, subgroupTimepoint(outcomes), plan, lang) }]
      : []),
  ];
  const charts: RenderedChart[] = [];
  for (const { name, spec } of specs) charts.push({ name, spec, svg: await renderSvg(spec) });
  return charts;
}

// ---------------------------------------------------------------------------------------
// The main result, near the top of the page

/**
 * A percentage-point number for running text: whole points, as people say them, but with
 * as many decimals as it takes not to round a non-zero bound to 0 (which would contradict
 * the sentence on whether the interval contains 0).
 */
function plainPoints(difference: number, lang: Lang): string {
  const points = Math.abs(difference * 100);
  const digits = points >= 0.5 || points === 0 ? 0 : points >= 0.05 ? 1 : 2;
  return formatDecimal(difference * 100, lang, digits);
}

// ---------------------------------------------------------------------------------------
// The section

/** The employment section: intro, the timepoint table, and the three figures with their words. */
export function employmentSection(charts: RenderedChart[], outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const chart = (name: string) => charts.find((c) => c.name === name);
  const overTime = chart(EMPLOYMENT_OVER_TIME);
  const timeToJob = chart(TIME_TO_FIRST_JOB);
  const subgroups = chart(SUBGROUPS);
  const definition = outcomes.employment[0]?.definition ?? plan.employment_definition;
  return html`<section aria-labelledby="employment">
<h2 id="employment">${t('employment_heading')}</h2>
<p>${t('employment_intro')} ${t(definition === 'employed_in_month' ? 'employment_definition_in_month' : 'employment_definition_to_month')}</p>
<p>${t('employment_direction', { arm_t, arm_c })}</p>
${timepointTable(outcomes.employment, plan, lang)}
${overTime ? employmentOverTimeFigure(overTime, outcomes, plan, lang) : null}
${workAndEarningsTable(outcomes, plan, lang)}
<h3 id="time-to-first-job-heading">${t('time_to_job_heading')}</h3>
<p>${t('time_to_job_intro')}</p>
${timeToJob ? timeToJobFigure(timeToJob, outcomes, plan, lang) : null}
${timeToJobSummary(outcomes, plan, lang)}
${subgroups ? subgroupSection(subgroups, outcomes, plan, lang) : null}</section>
`;
}

/** The variables the adjusted model takes into account, in words: site and the plan's covariates. */
function adjustedFor(plan: AnalysisPlan, lang: Lang): string {
  return variablesInText(['site', ...plan.covariates], lang);
}

/** One row of the timepoint table: a label and one cell per timepoint. */
interface TableRow {
  label: string;
  cells: SafeHtml[];
}

/** A row group: its heading and rows. */
interface RowGroup {
  heading: string;
  rows: TableRow[];
}

/**
 * The estimates at each timepoint, timepoints as columns (primary marked), one row group
 * per arm and per kind of estimate; a numbered note for each correction or missing
 * estimate, then notes that say in words what each kind of number means.
 */
function timepointTable(timepoints: TimepointEmployment[], plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const level = levelText(plan, lang);
  const notes = new NoteList();
  const marks = (list: string[]): SafeHtml => html`${notes.mark(list).map((n, i) => html`${i > 0 ? ',' : ''}<sup>${String(n)}</sup>`)}`;
  const cell = (s: string, noteList: string[] = []) => html`${s}${marks(noteList)}`;
  const effectCell = (e: Effect | null, scale: EffectScale, extra: string[] = []) =>
    e === null ? cell(DASH) : cell(effectText(e, scale, lang), [...extra, ...effectNotes(e, lang)]);
  const row = (label: string, f: (tp: TimepointEmployment) => SafeHtml): TableRow => ({ label, cells: timepoints.map(f) });
  // The small-number rule per timepoint: hidden employed counts, and the unadjusted estimates computed from them.
  const disclosure = new Map(timepoints.map((tp) => [tp, timepointDisclosure(tp.arms, plan)]));
  const crudeHidden = (tp: TimepointEmployment) => disclosure.get(tp)!.crude;
  /** An unadjusted estimate's cell: ":" when its timepoint has a hidden count. */
  const crude = (f: (tp: TimepointEmployment) => SafeHtml) => (tp: TimepointEmployment) => (crudeHidden(tp) ? cell(HIDDEN) : f(tp));

  const armGroup = (arm: string): RowGroup => {
    const rate = (tp: TimepointEmployment): ArmRate | undefined => tp.arms[arm];
    const hidden = (tp: TimepointEmployment) => disclosure.get(tp)!.arms[arm] === true;
    return {
      heading: arm === plan.control_arm ? t('arm_control', { arm }) : arm,
      rows: [
        row(t('employment_employed_row'), (tp) => {
          const a = rate(tp);
          if (!a) return cell(DASH);
          const percent = hidden(tp) ? HIDDEN : a.rate === null ? DASH : formatPercent(a.rate, lang);
          return cell(t('count_of_n', { count: countText(a.employed, hidden(tp), lang), n: formatInteger(a.n, lang), percent }));
        }),
        row(t('employment_rate_ci_row', { level }), (tp) => {
          if (hidden(tp)) return cell(HIDDEN);
          const ci = rate(tp)?.ci;
          return cell(ci ? t('interval', { low: formatPercent(ci[0], lang), high: formatPercent(ci[1], lang) }) : DASH);
        }),
        row(t('employment_missing_row'), (tp) => {
          const a = rate(tp);
          return cell(a ? formatInteger(a.missing, lang) : DASH);
        }),
      ],
    };
  };

  const testName = (tp: TimepointEmployment) => t(tp.test.method === 'fisher_exact' ? 'test_fisher_exact' : 'test_pearson_chi_square');
  const groups: RowGroup[] = [
    ...plan.arms.map(armGroup),
    {
      heading: t('employment_difference_group'),
      rows: [
        row(t('employment_rd_row', { arm_t, arm_c }), crude((tp) => effectCell(tp.risk_difference, 'points'))),
        row(t('employment_rr_row', { arm_t, arm_c }), crude((tp) => effectCell(tp.risk_ratio, 'ratio'))),
        row(t('employment_or_row', { arm_t, arm_c }), crude((tp) => effectCell(tp.odds_ratio, 'ratio'))),
        row(t('employment_p_row'), crude((tp) => cell(formatPValue(tp.test.p, lang)))),
        row(t('employment_test_row'), crude((tp) => cell(testName(tp)))),
      ],
    },
    {
      heading: t('employment_adjusted_group', { variables: adjustedFor(plan, lang) }),
      rows: [
        row(t('employment_aor_row', { arm_t, arm_c }), (tp) => {
          const aor = tp.adjusted_odds_ratio;
          return aor ? cell(effectText(aor, 'ratio', lang), adjustedOddsRatioNotes(aor, lang)) : cell(DASH);
        }),
        row(t('employment_model_n_row'), (tp) => cell(tp.adjusted_odds_ratio ? formatInteger(tp.adjusted_odds_ratio.n, lang) : DASH)),
        row(t('employment_ard_row', { arm_t, arm_c }), (tp) => {
          const ard = tp.adjusted_risk_difference;
          return ard ? cell(effectText(ard, 'points', lang), adjustedRiskDifferenceNotes(tp, lang)) : cell(DASH);
        }),
        row(t('employment_randomization_p_row'), (tp) => cell(tp.randomization_test ? formatPValue(tp.randomization_test.p, lang) : DASH)),
      ],
    },
    ...(timepoints.some((tp) => tp.missing_bounds !== null)
      ? [
          {
            heading: t('employment_bounds_group'),
            rows: [
              row(t('employment_worst_row', { arm_t }), (tp) =>
                !tp.missing_bounds ? cell(t('none_missing')) : crudeHidden(tp) ? cell(HIDDEN) : effectCell(tp.missing_bounds.worst_case, 'points'),
              ),
              row(t('employment_best_row', { arm_t }), (tp) =>
                !tp.missing_bounds ? cell(t('none_missing')) : crudeHidden(tp) ? cell(HIDDEN) : effectCell(tp.missing_bounds.best_case, 'points'),
              ),
            ],
          },
        ]
      : []),
  ];

  const header = (tp: TimepointEmployment) =>
    t(tp.primary ? 'employment_month_primary_col' : 'employment_month_col', { month: String(tp.month) });
  // Build the body first: it numbers the notes.
  const body = groups.map(
    (g) => html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="${String(timepoints.length + 1)}">${g.heading}</th></tr>
${g.rows.map((r) => html`<tr><th scope="row" class="level">${r.label}</th>${r.cells.map((c) => html`<td class="num">${c}</td>`)}</tr>\n`)}</tbody>
`,
  );
  return html`<h3 id="employment-timepoints">${t('employment_table_heading')}</h3>
<div class="scroll">
<table class="results" aria-labelledby="employment-timepoints">
<thead><tr><th scope="col">${t('employment_result_col')}</th>${timepoints.map((tp) => html`<th scope="col" class="num">${header(tp)}</th>`)}</tr></thead>
${body}</table>
</div>
${notes.notes.length > 0 ? html`<ol class="notes">\n${notes.notes.map((n) => html`<li>${n}</li>\n`)}</ol>\n` : null}${timepointNotes(timepoints, plan, lang, timepoints.some(crudeHidden))}`;
}

/** What each kind of number in the timepoint table means, in plain words, and what ":" means when the table hides something. */
function timepointNotes(timepoints: TimepointEmployment[], plan: AnalysisPlan, lang: Lang, hidden: boolean): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const primary = timepoints.find((tp) => tp.primary);
  // Resamples drawn: those used plus those that failed.
  const ard = timepoints.find((tp) => tp.adjusted_risk_difference)?.adjusted_risk_difference;
  const resamples = ard ? ard.resamples + ard.failed_resamples : plan.bootstrap_resamples;
  const permutations = timepoints.find((tp) => tp.randomization_test)?.randomization_test?.permutations ?? plan.permutations;
  const lines = [
    primary && t('employment_note_primary', { month: String(primary.month) }),
    t('employment_note_rd', { arm_t, arm_c }),
    t('employment_note_ratios', { arm_t, arm_c }),
    t('employment_note_ci', { level: levelText(plan, lang) }),
    t('employment_note_p'),
    t('employment_note_adjusted', { variables: adjustedFor(plan, lang), arm_t, arm_c, resamples: formatInteger(resamples, lang) }),
    timepoints.some((tp) => tp.randomization_test) && t('employment_note_randomization', { permutations: formatInteger(permutations, lang) }),
    timepoints.some((tp) => tp.missing_bounds) && t('employment_note_bounds', { arm_t, arm_c }),
    hidden && disclosureFootnote(plan.small_cell_threshold, lang),
  ].filter((l): l is string => typeof l === 'string');
  return html`<ul class="notes">
${lines.map((l) => html`<li>${l}</li>\n`)}</ul>`;
}

/**
 * Months in work and total earnings per participant: mean per arm and the difference with
 * its interval. A mean of 1 to threshold − 1 people would come close to giving their values
 * away (one person's earnings, exactly): it is ":", and so is the difference computed from it.
 */
function workAndEarningsTable(outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const level = levelText(plan, lang);
  const { months_employed: months, earnings } = outcomes.employment_over_time;
  const arms = [arm_t, arm_c];
  const small = (summary: Record<string, { n: number }>, arm: string) => isSmall(summary[arm]?.n ?? 0, plan.small_cell_threshold);
  const anyHidden = arms.some((arm) => small(months.arms, arm) || small(earnings.arms, arm));
  const row = (label: string, summary: Record<string, { n: number; mean: number | null }>, difference: { estimate: number | null; ci: [number, number] | null }, format: (x: number) => string) => {
    const cell = (x: number | null) => (x === null ? DASH : format(x));
    const mean = (arm: string) => (small(summary, arm) ? HIDDEN : cell(summary[arm]?.mean ?? null));
    const diff = arms.some((arm) => small(summary, arm))
      ? HIDDEN
      : difference.estimate === null
        ? t('not_estimable')
        : difference.ci === null
          ? cell(difference.estimate)
          : t('estimate_ci', { estimate: cell(difference.estimate), low: cell(difference.ci[0]), high: cell(difference.ci[1]) });
    return html`<tr><th scope="row">${label}</th>${arms.map((a) => html`<td class="num">${mean(a)} (${formatInteger(summary[a]?.n ?? 0, lang)})</td>`)}<td class="num">${diff}</td></tr>\n`;
  };
  return html`<h3 id="work-and-earnings">${t('work_earnings_heading')}</h3>
<p>${t('work_earnings_intro', { first: String(months.first), last: String(months.last), arm_t, arm_c, level })}</p>
<table>
<thead><tr><th scope="col">${t('work_earnings_measure_col')}</th>${arms.map((arm) => html`<th scope="col" class="num">${t('work_earnings_mean_col', { arm })}</th>`)}<th scope="col" class="num">${t('work_earnings_difference_col', { level })}</th></tr></thead>
<tbody>
${row(t('work_months_row'), months.arms, months.difference, (x) => formatDecimal(x, lang, 1))}${row(t('earnings_row'), earnings.arms, earnings.difference, (x) => formatInteger(Math.round(x), lang))}</tbody>
</table>${anyHidden ? html`\n${disclosureNote(plan, lang)}` : null}`;
}

/** The month-by-month chart with its numbers per month and arm; a hidden employed count and its share are ":". */
function employmentOverTimeFigure(chart: RenderedChart, outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const level = levelText(plan, lang);
  const rows = employmentOverTimeRows(outcomes.employment_over_time, plan, lang);
  const months = outcomes.employment_over_time.months.map((m) => m.month);
  const at = (month: number, arm: string) => rows.find((r) => r.month === month && r.arm === arm);
  const table = html`<thead><tr><th scope="col">${t('month_col')}</th>${plan.arms.map(
    (arm) => html`<th scope="col" class="num">${t('employed_of_col', { arm })}</th><th scope="col" class="num">${t('share_ci_col', { arm, level })}</th>`,
  )}</tr></thead>
<tbody>
${months.map(
    (month) =>
      html`<tr><th scope="row">${String(month)}</th>${plan.arms.map((arm) => {
        const r = at(month, arm);
        if (!r) return html`<td class="num">${DASH}</td><td class="num">${DASH}</td>`;
        const count = t('x_of_n', { count: countText(r.employed, r.hidden, lang), n: formatInteger(r.n, lang) });
        if (r.rate === null || r.ci_low === null || r.ci_high === null) return html`<td class="num">${count}</td><td class="num">${HIDDEN}</td>`;
        const share = t('share_ci', { share: formatPercent(r.rate, lang), low: formatPercent(r.ci_low, lang), high: formatPercent(r.ci_high, lang) });
        return html`<td class="num">${count}</td><td class="num">${share}</td>`;
      })}</tr>\n`,
  )}</tbody>`;
  const { first, last } = plan.registry_months;
  const caption = { title: t('chart_employment_title'), description: t('chart_employment_description', { first: String(first), last: String(last), level }) };
  return html`${chartFigure(chart, caption, table, lang)}${rows.some((r) => r.hidden) ? html`\n${disclosureNote(plan, lang)}` : null}`;
}

/**
 * The Kaplan–Meier figure with each curve's steps in its table, as the small-number rule
 * lets them be shown (kaplanMeierDisclosure: months taken together, the table stopping
 * before fewer than the threshold are at risk), and notes saying so.
 */
function timeToJobFigure(chart: RenderedChart, outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const result = outcomes.time_to_first_job;
  const level = formatPercent(result.confidence_level, lang, 1, 0);
  const int = (n: number) => formatInteger(n, lang);
  const threshold = plan.small_cell_threshold;
  const curves = new Map(plan.arms.flatMap((arm) => (result.arms[arm] ? [[arm, kaplanMeierDisclosure(result.arms[arm]!.curve, threshold)] as const] : [])));
  const months = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);
  const table = html`<thead><tr><th scope="col">${t('month_col')}</th><th scope="col" class="num">${t('time_to_job_at_risk_col')}</th><th scope="col" class="num">${t('time_to_job_events_col')}</th><th scope="col" class="num">${t('time_to_job_censored_col')}</th><th scope="col" class="num">${t('time_to_job_share_col', { level })}</th></tr></thead>
${plan.arms.map((arm) => {
    const curve = curves.get(arm);
    if (!curve) return null;
    return html`<tbody>
<tr class="group"><th scope="rowgroup" colspan="5">${arm === plan.control_arm ? t('arm_control', { arm }) : arm}</th></tr>
${curve.intervals.map((s) => {
      const share = s.survival === null ? HIDDEN : formatPercent(1 - s.survival, lang);
      const shareCell = s.survival !== null && s.ci ? t('share_ci', { share, low: formatPercent(1 - s.ci[1], lang), high: formatPercent(1 - s.ci[0], lang) }) : share;
      return html`<tr><th scope="row" class="level">${months(s.from, s.to)}</th><td class="num">${int(s.at_risk)}</td><td class="num">${countText(s.events, false, lang)}</td><td class="num">${countText(s.censored, false, lang)}</td><td class="num">${shareCell}</td></tr>\n`;
    })}</tbody>
`;
  })}`;
  const caption = { title: t('chart_time_to_job_title'), description: t('chart_time_to_job_description', { level }) };
  const all = [...curves.values()];
  const params = { t: formatInteger(threshold, lang) };
  const lines = [
    all.some((c) => c.merged) && t('disclosure_km_merged', params),
    all.some((c) => c.truncated) && t('disclosure_km_truncated', params),
    all.some((c) => c.hidden) && disclosureFootnote(threshold, lang),
  ].filter((l): l is string => typeof l === 'string');
  return html`${chartFigure(chart, caption, table, lang)}${lines.length > 0 ? html`\n<ul class="notes">\n${lines.map((l) => html`<li>${l}</li>\n`)}</ul>` : null}`;
}

/** In words under the curves: per arm who was analysed and the median, then the log-rank test and the hazard ratio. */
function timeToJobSummary(outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const result = outcomes.time_to_first_job;
  const level = formatPercent(result.confidence_level, lang, 1, 0);
  const { arm_t, arm_c } = armRoles(plan);
  const months = (m: number | null) => (m === null ? t('not_reached') : formatDecimal(m, lang, 1, 0));
  const threshold = plan.small_cell_threshold;
  // First jobs of the analysed (the rest had none), and those at month 0 of the first jobs (the rest came later).
  const eventsHidden = (a: TimeToFirstJobArm) => outcomeHidden(a.events, a.analysed, threshold);
  const atZeroHidden = (a: TimeToFirstJobArm) => eventsHidden(a) || hiddenCells([a.events_at_month_0, a.events - a.events_at_month_0], threshold)[0]!;
  const armLine = (arm: string, a: TimeToFirstJobArm) => {
    const parts = [
      t('time_to_job_arm', {
        arm,
        events: countText(a.events, eventsHidden(a), lang),
        analysed: formatInteger(a.analysed, lang),
        at_zero: countText(a.events_at_month_0, atZeroHidden(a), lang),
      }),
      a.no_registry > 0 && t('time_to_job_no_registry', { n: formatInteger(a.no_registry, lang) }),
      a.median.estimate === null
        ? t('time_to_job_median_not_reached')
        : t('time_to_job_median', { months: months(a.median.estimate), level, low: months(a.median.ci[0]), high: months(a.median.ci[1]) }),
    ];
    return parts.filter((p): p is string => typeof p === 'string').join(' ');
  };
  const lr = result.log_rank;
  const hr = result.hazard_ratio;
  const coxReason: Record<string, TextKey> = { hr_infinite: 'cox_hr_infinite', hr_zero: 'cox_hr_zero', no_information: 'cox_no_information', not_converged: 'cox_not_converged' };
  const hazard =
    hr.hazard_ratio !== null && hr.ci !== null && hr.p !== null
      ? t('time_to_job_hazard_ratio', {
          hr: formatRatio(hr.hazard_ratio, lang),
          level,
          low: formatRatio(hr.ci[0], lang),
          high: formatRatio(hr.ci[1], lang),
          p: formatPStatement(hr.p, lang),
          arm_t,
          arm_c,
        })
      : t('time_to_job_hazard_ratio_none', {
          arm_t,
          arm_c,
          reason: hr.note && coxReason[hr.note] ? t(coxReason[hr.note]!) : t('not_estimable'),
        });
  const lines = [
    ...plan.arms.flatMap((arm) => {
      const a = result.arms[arm];
      return a ? [armLine(arm, a)] : [];
    }),
    lr.p === null ? t('time_to_job_log_rank_none') : t('time_to_job_log_rank', { p: formatPStatement(lr.p, lang) }),
    hazard,
  ];
  const hidden = plan.arms.some((arm) => result.arms[arm] !== undefined && atZeroHidden(result.arms[arm]!));
  return html`<ul class="findings">
${lines.map((l) => html`<li>${l}</li>\n`)}</ul>
${hidden ? disclosureNote(plan, lang) : null}`;
}

/** The subgroups: what they are, the forest plot with its table, and the notes its superscripts refer to. */
function subgroupSection(chart: RenderedChart, outcomes: OutcomesResult, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const { arm_t, arm_c } = armRoles(plan);
  const level = levelText(plan, lang);
  const overall = subgroupTimepoint(outcomes);
  const month = String(outcomes.employment_subgroups[0]?.month ?? overall?.month ?? plan.primary_timepoint);
  const { rows, notes, hidden } = forestRows(outcomes.employment_subgroups, overall, plan, lang);
  const employedOf = (r: (typeof rows)[number], arm: string) =>
    r.n[arm] ? t('x_of_n', { count: r.employed[arm] ?? '', n: r.n[arm] }) : '';
  const table = html`<thead><tr><th scope="col">${t('subgroup_col')}</th>${plan.arms.map(
    (arm) => html`<th scope="col" class="num">${t('employed_of_col', { arm })}</th>`,
  )}<th scope="col" class="num">${t('subgroup_difference_col', { level })}</th></tr></thead>
<tbody>
${rows.map((r) =>
    r.kind === 'header'
      ? html`<tr class="group"><th scope="rowgroup">${r.label}</th>${plan.arms.map(() => html`<td></td>`)}<td class="num">${r.summary}</td></tr>\n`
      : html`<tr><th scope="row"${r.kind === 'level' ? raw(' class="level"') : null}>${r.label}</th>${plan.arms.map(
          (arm) => html`<td class="num">${employedOf(r, arm)}</td>`,
        )}<td class="num">${r.summary}</td></tr>\n`,
  )}</tbody>`;
  const caption = {
    title: t('chart_subgroups_title', { month }),
    description: t('chart_subgroups_description', { arm_t, arm_c, level }),
  };
  return html`<h3 id="subgroups-heading">${t('subgroups_heading')}</h3>
<p>${t('subgroups_intro', { month, arm_t, arm_c })} ${t('subgroups_interaction_explained')}</p>
${chartFigure(chart, caption, table, lang)}
${notes.length > 0 ? html`<ol class="notes">\n${notes.map((n) => html`<li>${n}</li>\n`)}</ol>\n` : null}${hidden ? disclosureNote(plan, lang) : null}`;
}

