/**
 * Statistical disclosure control for the report: the one place where the rule for small
 * numbers lives, as every table and chart of the page applies it.
 *
 * The rule follows Statistics Norway's published practice (SSB's standard symbols in tables,
 * «Standardtegn i tabeller»): a number based on fewer than `plan.small_cell_threshold`
 * persons (default 3, SSB's usual limit; many agencies use 5 or 10) is not published and is
 * shown as the symbol ":" ("Tall kan ikke offentliggjøres", "not for publication").
 * Zeros are shown: "nobody" identifies no one. On top of that (secondary suppression), a
 * number is hidden too when a hidden one could otherwise be worked out from it: by
 * subtracting the shown cells from a total shown in the same row or column, or from a
 * percentage, an interval or an estimate computed from it and shown beside it.
 *
 * What the rule covers: counts of persons with a characteristic or an outcome (employed in
 * a month, first job in a month, a site, a subgroup, a baseline category, a questionnaire
 * answered) and everything computed directly from such a count. What it does not cover:
 * the trial's flow (randomized, withdrawn, followed up, analysed, per arm and timepoint),
 * which CONSORT requires in full and which says nothing about who has which characteristic;
 * and model estimates (adjusted odds ratio and difference, randomization test, hazard ratio,
 * questionnaire ANCOVA), which cannot be turned back into the counts.
 *
 * results.json is for internal use and keeps exact numbers (its baseline table, subgroups
 * and questionnaire counts carry the producers' own suppression); the report applies this
 * rule on top and states it (`disclosureStatement`, `disclosureFootnote`).
 */
import type { IngestSummary } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { SubgroupResult, TimepointEmployment } from '../outcomes/employment-results.ts';
import type { KaplanMeierStep } from '../stats/kaplan-meier.ts';
import { MIN_N_FOR_SUMMARY, suppressSmallCells } from '../design/baseline.ts';
import { html, type SafeHtml } from './escape.ts';
import { formatInteger, text, type Lang, type TextKey } from './texts.ts';

/**
 * Statistics Norway's symbol for a number that may not be published ("Tall kan ikke
 * offentliggjøres"): the report writes it for every hidden count and for every percentage,
 * interval or estimate hidden with one.
 */
export const HIDDEN = ':';

/**
 * Primary suppression: a count of at least one person and fewer than `threshold`. Zero is
 * not small (it identifies no one).
 * @example isSmall(2, 3) // true
 * @example isSmall(0, 3) // false
 */
export function isSmall(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

/**
 * Which cells of a group whose total is shown to hide: every small count (primary), then,
 * while exactly one cell is hidden or the hidden cells add up to less than `threshold`, the
 * smallest non-zero cell still shown (secondary), so no hidden cell can be worked out by
 * subtracting the shown ones from the total. `alreadyHidden` marks cells hidden by a
 * crossing group (a column of a two-way table). The rule of Table 1, shared with it
 * (src/design/baseline.ts, `suppressSmallCells`).
 * @example hiddenCells([40, 2, 0, 25], 3) // [false, true, false, true]
 * @example hiddenCells([40, 2, 0, 25], 10) // [false, true, false, true]
 * @example hiddenCells([40, 12, 0, 25], 10) // [false, false, false, false]
 */
export function hiddenCells(counts: readonly number[], threshold: number, alreadyHidden: readonly boolean[] = []): boolean[] {
  return suppressSmallCells(counts, threshold, alreadyHidden);
}

/**
 * Whether the hidden cells of a group with a shown total can still be worked out: exactly
 * one is hidden, or together they are fewer than `threshold` (and not none).
 * @example recoverable([5, 2, 40], [false, true, false], 3) // true
 */
export function recoverable(counts: readonly number[], hidden: readonly boolean[], threshold: number): boolean {
  const k = hidden.filter(Boolean).length;
  const sum = counts.reduce((s, n, i) => (hidden[i] ? s + n : s), 0);
  return k === 1 || (k > 0 && sum < threshold);
}

/**
 * Whether a count of persons with an outcome among `n` shown ("employed of analysed") must
 * be hidden: the count and the rest (n − count, which the shown n gives away) form a group
 * with a shown total, so either being small hides the count, and with it its percentage and
 * interval.
 * @example outcomeHidden(2, 100, 3) // true
 * @example outcomeHidden(99, 100, 3) // true (1 not employed)
 * @example outcomeHidden(0, 100, 3) // false
 */
export function outcomeHidden(count: number, n: number, threshold: number): boolean {
  return hiddenCells([count, n - count], threshold)[0]!;
}

/**
 * A count as the report writes it: ":" when hidden (or null, as producers write a hidden
 * count), else the number in the report's language.
 * @example countText(12, false, 'nb') // '12'
 * @example countText(12, true, 'nb') // ':'
 */
export function countText(n: number | null, hidden: boolean, lang: Lang): string {
  return hidden || n === null ? HIDDEN : formatInteger(n, lang);
}

/**
 * A number computed from a count (a percentage, an interval, an estimate) as the report
 * writes it: ":" when its count is hidden, else `format(value)`.
 * @example shownOrHidden(0.25, true, (x) => String(x)) // ':'
 */
export function shownOrHidden<T>(value: T, hidden: boolean, format: (value: T) => string): string {
  return hidden ? HIDDEN : format(value);
}

// ---------------------------------------------------------------------------------------
// Employment at a timepoint or in a month

/** What the rule hides of one timepoint: each arm's employed count (and its rate and interval), and the estimates computed from them. */
export interface TimepointDisclosure {
  /** Arm → the employed count, its share and interval are hidden. */
  arms: Record<string, boolean>;
  /**
   * The unadjusted risk difference, risk ratio and odds ratio, the p-value and its test, and
   * the worst- and best-case bounds: closed-form functions of the four counts, which with the
   * shown n and the other arm's count give a hidden count back exactly. Model estimates
   * (adjusted odds ratio and difference, randomization test) are not hidden.
   */
  crude: boolean;
}

/** The disclosure decisions of a timepoint (or any per-arm employed-of-n, such as a registry month). */
export function timepointDisclosure(arms: TimepointEmployment['arms'], plan: Pick<AnalysisPlan, 'arms' | 'small_cell_threshold'>): TimepointDisclosure {
  const hidden = Object.fromEntries(
    plan.arms.map((arm) => {
      const a = arms[arm];
      return [arm, a !== undefined && outcomeHidden(a.employed, a.n, plan.small_cell_threshold)];
    }),
  );
  return { arms: hidden, crude: Object.values(hidden).some(Boolean) };
}

// ---------------------------------------------------------------------------------------
// Time to first job (Kaplan–Meier)

/**
 * One row of the time-to-first-job table and one corner of its curve: the registry months
 * `from`…`to` taken together.
 */
export interface KaplanMeierInterval {
  from: number;
  to: number;
  /** Without a job and followed at the start of `from`. */
  at_risk: number;
  /** First jobs in the interval; null when hidden. */
  events: number | null;
  /** Follow-up ended without a job in the interval; null when hidden. */
  censored: number | null;
  /** Kaplan–Meier survival at `to` and its interval, as the outcomes stage gives them; null when hidden (computed from a hidden count). */
  survival: number | null;
  ci: [number, number] | null;
}

/** A curve as the report may show it. */
export interface KaplanMeierDisclosure {
  intervals: KaplanMeierInterval[];
  /** Months were taken together (some interval spans more than one step). */
  merged: boolean;
  /** The curve stops before its last step: fewer than the threshold were still at risk. */
  truncated: boolean;
  /** Something is shown as ":". */
  hidden: boolean;
}

/**
 * The Kaplan–Meier steps of one arm made safe to publish, without recomputing anything:
 *
 * 1. Steps where fewer than `threshold` were still at risk are left out: the table and the
 *    curve stop before the number at risk falls below the threshold (the common practice;
 *    Pocock et al. 2002, Lancet 359:1686, also for precision).
 * 2. Consecutive steps are taken together until each interval's first jobs and its ended
 *    follow-ups are each 0 or at least `threshold` (an interval left at the end joins the one
 *    before). An interval shows the number at risk at its start, the sums over it, and the
 *    estimate at its end, which is the stage's estimate at that month (a product over the
 *    steps, so taking steps together changes no number shown, it only shows fewer).
 * 3. Each interval's first jobs, ended follow-ups and those still at risk after it add up to
 *    its shown number at risk, so the group rule (`hiddenCells`) runs on them: when the curve
 *    stops with 1 to threshold − 1 still at risk, that remainder (never shown) and a partner
 *    are hidden; a hidden count of first jobs hides the estimate at the interval's end.
 *
 * @example kaplanMeierDisclosure(steps, 3) // steps at months 0 and 1 with 2 and 4 first jobs, 20 at risk: one interval 0–1 with 6
 */
export function kaplanMeierDisclosure(curve: readonly KaplanMeierStep[], threshold: number): KaplanMeierDisclosure {
  const kept = curve.filter((s) => s.at_risk >= threshold);
  const truncated = kept.length < curve.length;
  const ok = (n: number) => !isSmall(n, threshold);
  type Group = { from: number; to: number; at_risk: number; events: number; censored: number; last: KaplanMeierStep; steps: number };
  const groups: Group[] = [];
  let open: Group | null = null;
  for (const s of kept) {
    open = open ?? { from: s.time, to: s.time, at_risk: s.at_risk, events: 0, censored: 0, last: s, steps: 0 };
    open.events += s.events;
    open.censored += s.censored;
    open.to = s.time;
    open.last = s;
    open.steps++;
    if (ok(open.events) && ok(open.censored)) {
      groups.push(open);
      open = null;
    }
  }
  while (open !== null && !(ok(open.events) && ok(open.censored)) && groups.length > 0) {
    const before: Group = groups.pop()!;
    open = { ...before, to: open.to, events: before.events + open.events, censored: before.censored + open.censored, last: open.last, steps: before.steps + open.steps };
  }
  if (open !== null) groups.push(open);
  let hidden = false;
  const intervals = groups.map((g): KaplanMeierInterval => {
    // Still at risk after the interval: the next interval's number at risk, or, after the
    // last one, those the table no longer follows (0 unless the curve stopped early).
    const remaining = g.at_risk - g.events - g.censored;
    const [eventsHidden, censoredHidden] = hiddenCells([g.events, g.censored, remaining], threshold);
    hidden ||= eventsHidden! || censoredHidden!;
    return {
      from: g.from,
      to: g.to,
      at_risk: g.at_risk,
      events: eventsHidden ? null : g.events,
      censored: censoredHidden ? null : g.censored,
      survival: eventsHidden ? null : g.last.survival,
      ci: eventsHidden ? null : g.last.ci,
    };
  });
  return { intervals, merged: groups.some((g) => g.steps > 1), truncated, hidden };
}

// ---------------------------------------------------------------------------------------
// Subgroups

/**
 * Which levels of each subgroup variable the report hides: the levels the outcomes stage
 * suppressed (`suppressed`), levels whose counts break the rule here (a second check, in
 * case the stage's threshold differs), and partners, so that no hidden level can be worked
 * out from "all participants" (the overall row, shown above the subgroups) minus the shown
 * levels. Hidden levels are chosen smallest first (analysed in both arms) until
 * the remainder — overall minus shown levels, per arm, of analysed, employed and not
 * employed — is 0 or at least `threshold` in each count, and never exactly one level is
 * hidden. The remainder also holds those whose subgroup value is missing, so the rule
 * protects them too. Without a shown overall row only the levels' own counts matter.
 */
export function subgroupDisclosure(
  subgroups: readonly SubgroupResult[],
  overall: TimepointEmployment | undefined,
  plan: Pick<AnalysisPlan, 'arms' | 'small_cell_threshold'>,
): boolean[][] {
  const t = plan.small_cell_threshold;
  const overallShown = overall !== undefined && !timepointDisclosure(overall.arms, plan).crude;
  return subgroups.map((s) => {
    const hidden = s.levels.map(
      (l) =>
        l.suppressed ||
        plan.arms.some((arm) => {
          const a = l.arms[arm];
          return a !== undefined && (a.n === null || a.employed === null || outcomeHidden(a.employed, a.n, t) || isSmall(a.n, t));
        }),
    );
    const size = (i: number) => plan.arms.reduce((sum, arm) => sum + (s.levels[i]!.arms[arm]?.n ?? 0), 0);
    const remainderSmall = () => {
      if (!overallShown || overall === undefined) return false;
      return plan.arms.some((arm) => {
        const total = overall.arms[arm];
        if (!total) return false;
        let n = total.n;
        let employed = total.employed;
        s.levels.forEach((l, i) => {
          if (hidden[i]) return;
          n -= l.arms[arm]?.n ?? 0;
          employed -= l.arms[arm]?.employed ?? 0;
        });
        return isSmall(n, t) || isSmall(employed, t) || isSmall(n - employed, t);
      });
    };
    const count = () => hidden.filter(Boolean).length;
    while (count() === 1 || remainderSmall()) {
      let next = -1;
      hidden.forEach((h, i) => {
        if (!h && size(i) > 0 && (next < 0 || size(i) < size(next))) next = i;
      });
      if (next < 0) break;
      hidden[next] = true;
    }
    return hidden;
  });
}

// ---------------------------------------------------------------------------------------
// Participants by site (a two-way table with both margins shown)

/**
 * Hidden cells of a two-way table of counts whose row totals, column totals and grand total
 * are printed (sites × arms). Column totals and the grand total are always shown (here they
 * are the randomized per arm, a CONSORT count); a row total is hidden when it is small. Then,
 * until nothing changes: a hidden row total hides every non-zero cell of its row (else it is
 * their sum); every row with a shown total, every column and the column of row totals gets
 * the group rule (`hiddenCells`); a row whose hidden cells could still be worked out (no
 * partner left in it) hides its total. The result is the simple iterative pattern agencies
 * use for small tables: every line with a shown total has no hidden cell, or at least two
 * that add up to at least `threshold`.
 * @example suppressTwoWay([[50, 40], [1, 30], [20, 25]], 3)
 *   // { cells: [[false, false], [true, true], [true, true]], rowTotals: [false, false, false] }
 *   // (the 1, its partner 30 in its row, then 20 and 25 as partners in the columns and in their row)
 */
export function suppressTwoWay(counts: readonly (readonly number[])[], threshold: number): { cells: boolean[][]; rowTotals: boolean[] } {
  const cols = counts[0]?.length ?? 0;
  const totals = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const cells = counts.map((row) => row.map((n) => isSmall(n, threshold)));
  const rowTotals = totals.map((n) => isSmall(n, threshold));
  let changed = true;
  const hide = (mask: boolean[], i: number) => {
    if (!mask[i]) {
      mask[i] = true;
      changed = true;
    }
  };
  while (changed) {
    changed = false;
    counts.forEach((row, r) => {
      if (rowTotals[r]) {
        row.forEach((n, c) => n > 0 && hide(cells[r]!, c));
        return;
      }
      hiddenCells(row, threshold, cells[r]).forEach((h, c) => h && hide(cells[r]!, c));
      if (recoverable(row, cells[r]!, threshold)) hide(rowTotals, r);
    });
    for (let c = 0; c < cols; c++) {
      const column = counts.map((row) => row[c]!);
      hiddenCells(column, threshold, cells.map((row) => row[c]!)).forEach((h, r) => h && hide(cells[r]!, c));
    }
    hiddenCells(totals, threshold, rowTotals).forEach((h, r) => h && hide(rowTotals, r));
  }
  return { cells, rowTotals };
}

/** The site × arm table as the report may show it. */
export interface SiteTable {
  sites: string[];
  arms: string[];
  /** counts[site][arm], sites and arms in the order above. */
  counts: number[][];
  hidden: boolean[][];
  siteTotals: number[];
  siteTotalHidden: boolean[];
  /** Randomized per arm and in all (CONSORT counts: always shown). */
  armTotals: number[];
  total: number;
  anyHidden: boolean;
}

/**
 * Randomized per site and arm from the ingest summary (sites in the summary's order, arms in
 * the plan's, an explicit 0 where an arm has nobody at a site), with the rule applied
 * (`suppressTwoWay`).
 */
export function siteTable(summary: IngestSummary, plan: Pick<AnalysisPlan, 'arms' | 'small_cell_threshold'>): SiteTable {
  const sites = [...new Set(summary.participants.by_site.map((r) => r.site))];
  const byKey = new Map(summary.participants.by_site.map((r) => [`${r.site}\u0000${r.arm}`, r.randomized]));
  const counts = sites.map((site) => plan.arms.map((arm) => byKey.get(`${site}\u0000${arm}`) ?? 0));
  const { cells, rowTotals } = suppressTwoWay(counts, plan.small_cell_threshold);
  const armTotals = plan.arms.map((_, a) => counts.reduce((s, row) => s + row[a]!, 0));
  return {
    sites,
    arms: [...plan.arms],
    counts,
    hidden: cells,
    siteTotals: counts.map((row) => row.reduce((s, n) => s + n, 0)),
    siteTotalHidden: rowTotals,
    armTotals,
    total: armTotals.reduce((s, n) => s + n, 0),
    anyHidden: cells.some((row) => row.some(Boolean)) || rowTotals.some(Boolean),
  };
}

/**
 * The numbers table of the participants-by-site figure (thead, tbody, tfoot, for
 * `chartFigure`), hidden cells written ":", and the footnote to print under the figure when
 * anything is hidden (null otherwise). For src/report/html-report.ts's
 * participantsBySiteFigure, in place of its own table.
 */
export function participantsBySiteTable(summary: IngestSummary, plan: AnalysisPlan, lang: Lang): { table: SafeHtml; note: SafeHtml | null } {
  const t = (key: TextKey) => text(lang, key);
  const int = (n: number) => formatInteger(n, lang);
  const s = siteTable(summary, plan);
  const table = html`<thead><tr><th scope="col">${t('site_label')}</th>${s.arms.map((arm) => html`<th scope="col" class="num">${arm}</th>`)}<th scope="col" class="num">${t('total_label')}</th></tr></thead>
<tbody>
${s.sites.map(
    (site, r) =>
      html`<tr><th scope="row">${site}</th>${s.arms.map((_, a) => html`<td class="num">${countText(s.counts[r]![a]!, s.hidden[r]![a]!, lang)}</td>`)}<td class="num">${countText(s.siteTotals[r]!, s.siteTotalHidden[r]!, lang)}</td></tr>\n`,
  )}</tbody>
<tfoot><tr><th scope="row">${t('total_label')}</th>${s.armTotals.map((n) => html`<td class="num">${int(n)}</td>`)}<td class="num">${int(s.total)}</td></tr></tfoot>`;
  return { table, note: s.anyHidden ? disclosureNote(plan, lang) : null };
}

// ---------------------------------------------------------------------------------------
// The rule in words

/**
 * The footnote under a table that hides something: what ":" means, with the threshold.
 * @example disclosureFootnote(3, 'en') // ': not shown, because the number concerns fewer than 3 people, …'
 */
export function disclosureFootnote(threshold: number, lang: Lang): string {
  return text(lang, 'disclosure_footnote', { t: formatInteger(threshold, lang) });
}

/** The footnote as a notes list of its own, for a table or figure without one. */
export function disclosureNote(plan: Pick<AnalysisPlan, 'small_cell_threshold'>, lang: Lang): SafeHtml {
  return html`<ul class="notes">
<li>${disclosureFootnote(plan.small_cell_threshold, lang)}</li>
</ul>
`;
}

/**
 * The rule statement for the report's data-quality part: the rule and its source, what it
 * does not cover (the trial's flow, model estimates) and why, what it hides of the
 * employment estimates and the time-to-first-job table, and that results.json is for
 * internal use. Paragraphs only; the caller gives the heading (`disclosure_heading`).
 */
export function disclosureStatement(plan: Pick<AnalysisPlan, 'small_cell_threshold'>, lang: Lang): SafeHtml {
  const params = {
    t: formatInteger(plan.small_cell_threshold, lang),
    // Table 1 and the questionnaire stage withhold summaries below this (src/design/baseline.ts).
    summary: formatInteger(Math.max(plan.small_cell_threshold, MIN_N_FOR_SUMMARY), lang),
  };
  const keys: TextKey[] = ['disclosure_rule', 'disclosure_flow', 'disclosure_estimates', 'disclosure_time_to_job', 'disclosure_internal'];
  return html`${keys.map((key) => html`<p>${text(lang, key, params)}</p>\n`)}`;
}
