/**
 * The small-number rule on a whole report: a simulated trial of 120 in which one site has 1
 * participant in IPS and 2 in TVR, and few are employed in the first months, analysed by the
 * stages' own functions and rendered in both languages with thresholds 3, 10 and 20. Every
 * table built from counts of persons (employment at the timepoints and month by month, time
 * to first job, participants by site, subgroups) is read back from the page and checked: no
 * count from 1 to below the threshold, ":" with its footnote where something is hidden, and
 * nothing hidden that subtraction from a total shown in the same row or column gives back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseCostBenefit } from '../../src/cost-benefit/cost-benefit.ts';
import { verifyTrial } from '../../src/design/verify.ts';
import { ingest } from '../../src/io/ingest.ts';
import { analyseEmployment } from '../../src/outcomes/outcomes.ts';
import { analyseQualityOfLife } from '../../src/quality-of-life/quality-of-life.ts';
import { disclosureFootnote } from '../../src/report/disclosure.ts';
import { renderReport, type RenderedReport } from '../../src/report/html-report.ts';
import type { Lang } from '../../src/report/texts.ts';
import { simulateTrial } from '../../src/simulate/sample-trial.ts';

const THRESHOLDS = [3, 10, 20] as const;
const LANGS: readonly Lang[] = ['nb', 'en'];
const TINY_SITE = 'Lillevik';

interface Trial {
  ids: string[];
  pages: Map<string, RenderedReport>;
}

/**
 * The simulated trial with `threshold` as the plan's small-cell threshold, through every
 * stage, rendered in both languages. Small resample counts keep it fast; no allocation list
 * (the allocation_no column is dropped, since the tiny site is made by moving participants).
 */
async function smallTrial(): Promise<Trial> {
  const files: Record<string, string> = { participants: '', employment: '', questionnaires: '' };
  const setup = await simulateTrial({ n: 120, seed: 11 }, { write: (file, chunk) => void (files[file] += chunk) });
  const rows = files.participants!.trim().split('\n').map((line) => line.split(','));
  const header = rows[0]!;
  const col = (name: string) => header.indexOf(name);
  const moved = { IPS: 1, TVR: 2 } as Record<string, number>;
  for (const row of rows.slice(1)) {
    if (row[col('withdrawn')] === '1') continue;
    const arm = row[col('arm')]!;
    if (moved[arm]! > 0) {
      row[col('site')] = TINY_SITE;
      moved[arm]!--;
    }
  }
  const allocation = col('allocation_no');
  const participants = rows.map((row) => row.filter((_, i) => i !== allocation).join(',')).join('\n');
  const ids = rows.slice(1).map((row) => row[col('participant_id')]!);
  const { $comment: _comment, randomization: _randomization, ...basePlan } = setup.plan;
  const enc = new TextEncoder();
  const pages = new Map<string, RenderedReport>();
  for (const threshold of THRESHOLDS) {
    const plan = { ...basePlan, bootstrap_resamples: 50, permutations: 50, imputations: 2, small_cell_threshold: threshold };
    const r = ingest({
      plan: enc.encode(JSON.stringify(plan)),
      participants: enc.encode(participants),
      employment: enc.encode(files.employment!),
      questionnaires: enc.encode(files.questionnaires!),
    });
    const verify = verifyTrial({ dataset: r.dataset, summary: r.summary, plan: r.plan, list: null, allowUnverified: true });
    const outcomes = await analyseEmployment(r.dataset, r.plan);
    const qualityOfLife = await analyseQualityOfLife(r.dataset, r.plan);
    const costBenefit = await analyseCostBenefit(r.dataset, r.plan);
    for (const lang of LANGS) {
      pages.set(`${threshold}:${lang}`, await renderReport({ summary: r.summary, plan: r.plan, verify, outcomes, qualityOfLife, costBenefit, lang, version: '0.0.0' }));
    }
  }
  return { ids, pages };
}

const cellsOf = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!);
const rowsOf = (table: string) => [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));

/** The figure `id` (its folded table's rows) and what follows it up to the next heading. */
function figure(page: string, id: string): { rows: string[][]; after: string } {
  const m = new RegExp(`<figure id="${id}">([\\s\\S]*?)</figure>([\\s\\S]*?)(?=<h[23]|</section>)`).exec(page);
  expect(m, id).not.toBeNull();
  const details = /<details>[\s\S]*?<\/details>/.exec(m![1]!)![0];
  return { rows: rowsOf(details), after: m![2]! };
}

/** A count cell: null for ":", else the number (digits grouped by a no-break space or a comma). */
function count(cell: string): number | null {
  if (cell === ':') return null;
  expect(cell, 'a count or ":"').toMatch(/^[\d\u00a0,]+$/);
  return Number(cell.replace(/[\u00a0,]/g, ''));
}
/** "12 av 60" / "12 of 60" (optionally followed by " (20,0 %)"): employed and analysed. */
function ofCell(cell: string): { k: number | null; n: number | null; rest: string } {
  const m = /^(\S+) (?:av|of) (\S+)(.*)$/.exec(cell);
  expect(m, cell).not.toBeNull();
  return { k: count(m![1]!), n: count(m![2]!), rest: m![3]! };
}
const small = (x: number, t: number) => x > 0 && x < t;

/**
 * Cells that add up to a shown total: no cell below the threshold is shown, and the hidden
 * ones, worked out together by subtraction, are none, or at least two adding up to at least
 * the threshold (unless none is left to be a partner).
 */
function expectGroupSafe(cells: (number | null)[], total: number | null, t: number, what: string) {
  for (const c of cells) if (c !== null) expect(small(c, t), `${what}: ${c} shown`).toBe(false);
  if (total === null) return;
  const hidden = cells.filter((c) => c === null).length;
  if (hidden === 0) return;
  const recovered = total - cells.reduce<number>((s, c) => s + (c ?? 0), 0);
  const partnerLeft = cells.some((c) => c !== null && c > 0);
  if (partnerLeft) {
    expect(hidden, `${what}: a single hidden cell`).toBeGreaterThan(1);
    expect(recovered, `${what}: hidden cells add up to ${recovered}`).toBeGreaterThanOrEqual(t);
  }
}

describe('the rendered report of a trial with small groups', () => {
  let trial: Trial;
  beforeAll(async () => {
    trial = await smallTrial();
  }, 120_000);
  const page = (t: number, lang: Lang) => trial.pages.get(`${t}:${lang}`)!.html;
  const cases = THRESHOLDS.flatMap((t) => LANGS.map((lang) => [t, lang] as const));

  it.each(cases)('threshold %i, %s: the timepoint table hides small employed counts with their share, interval and the unadjusted estimates', (t, lang) => {
    const table = /<table class="results"[\s\S]*?<\/table>/.exec(page(t, lang))![0];
    const rows = rowsOf(table);
    const employedLabel = lang === 'nb' ? 'I arbeid, av analyserte' : 'Employed, of those analysed';
    const rdLabel = rows.find((r) => /^(Forskjell, prosentpoeng|Difference, percentage points)/.test(r[0]!))!;
    const hiddenColumns = new Set<number>();
    rows.forEach((r, i) => {
      if (r[0] !== employedLabel) return;
      r.slice(1).forEach((cell, j) => {
        const { k, n, rest } = ofCell(cell);
        expect(n).not.toBeNull(); // analysed: a count of the trial's flow
        if (k === null) {
          hiddenColumns.add(j);
          expect(rest).toBe(' (:)');
          expect(rows[i + 1]![j + 1]).toBe(':');
        } else expectGroupSafe([k, n! - k], n, t, `employed ${cell}`);
      });
    });
    for (const j of hiddenColumns) expect(rdLabel[j + 1]).toBe(':');
    if (t === 20) expect(hiddenColumns.size).toBeGreaterThan(0);
    if (hiddenColumns.size > 0) expect(page(t, lang)).toContain(`<li>${disclosureFootnote(t, lang)}</li>`);
  });

  it.each(cases)('threshold %i, %s: the month-by-month table shows no small employed count, and ":" for the share of a hidden one', (t, lang) => {
    const { rows, after } = figure(page(t, lang), 'employment-over-time');
    let hidden = 0;
    for (const r of rows.slice(1)) {
      for (const j of [1, 3]) {
        const { k, n } = ofCell(r[j]!);
        if (k === null) {
          hidden++;
          expect(r[j + 1]).toBe(':');
        } else expectGroupSafe([k, n! - k], n, t, `month ${r[0]}: ${r[j]}`);
      }
    }
    expect(hidden).toBeGreaterThan(0); // few are employed in the first months
    expect(after).toContain(disclosureFootnote(t, lang));
    // The chart's data holds no hidden number.
    const spec = trial.pages.get(`${t}:${lang}`)!.charts.find((c) => c.name === 'employment-over-time')!.spec as { data: { values: { employed: number | null; n: number }[] } };
    for (const v of spec.data.values) if (v.employed !== null) expectGroupSafe([v.employed, v.n - v.employed], v.n, t, 'chart data');
  });

  it.each(cases)('threshold %i, %s: the time-to-first-job table shows no small count, and its rows add up', (t, lang) => {
    const { rows, after } = figure(page(t, lang), 'time-to-first-job');
    const arms: string[][][] = [];
    for (const r of rows.slice(1)) {
      if (r.length === 1) arms.push([]);
      else arms.at(-1)!.push(r);
    }
    expect(arms).toHaveLength(2);
    for (const arm of arms) {
      arm.forEach((r, i) => {
        const atRisk = count(r[1]!)!;
        expect(atRisk).toBeGreaterThanOrEqual(t);
        const next = arm[i + 1] ? count(arm[i + 1]![1]!)! : null;
        const events = count(r[2]!);
        const censored = count(r[3]!);
        if (events === null) expect(r[4]).toBe(':');
        if (next !== null) expectGroupSafe([events, censored, next], atRisk, t, `row ${r[0]}`);
        else if (events !== null && censored !== null) expect(small(atRisk - events - censored, t), `left after ${r[0]}`).toBe(false);
      });
    }
    expect(after).toContain(lang === 'nb' ? 'månedene er slått sammen' : 'the months are taken together');
  });

  it.each(cases)('threshold %i, %s: the participants-by-site table hides the tiny site and its partners, in rows and columns', (t, lang) => {
    const { rows, after } = figure(page(t, lang), 'participants-by-site');
    const body = rows.slice(1, -1);
    const foot = rows.at(-1)!;
    const grid = body.map((r) => r.slice(1).map(count));
    for (const r of grid) expectGroupSafe(r.slice(0, -1), r.at(-1)!, t, 'site row');
    for (let c = 0; c < grid[0]!.length; c++) expectGroupSafe(grid.map((r) => r[c]!), count(foot[c + 1]!), t, `site column ${c}`);
    expect(body.find((r) => r[0] === TINY_SITE)!.slice(1, 3)).toEqual([':', ':']);
    expect(after).toContain(disclosureFootnote(t, lang));
    // Nor in the chart: no bar and no label for a hidden count.
    const svg = trial.pages.get(`${t}:${lang}`)!.charts.find((c) => c.name === 'participants-by-site')!.svg;
    expect(svg).not.toMatch(new RegExp(`aria-label="${TINY_SITE}, (IPS|TVR): \\d`));
  });

  it.each(cases)('threshold %i, %s: the subgroup table shows no small count and no level that all participants minus the others would give back', (t, lang) => {
    const { rows, after } = figure(page(t, lang), 'subgroups');
    const overall = rows[1]!;
    const totals = [1, 2].map((j) => ofCell(overall[j]!));
    const variables: string[][][] = [];
    for (const r of rows.slice(2)) {
      if (r[1] === '') variables.push([]);
      else variables.at(-1)!.push(r);
    }
    let hiddenLevels = 0;
    for (const levels of variables) {
      const hidden = levels.filter((r) => r[3] === ':').length;
      hiddenLevels += hidden;
      expect(hidden, 'a single hidden level').not.toBe(1);
      [1, 2].forEach((j, a) => {
        const cells = levels.map((r) => ofCell(r[j]!));
        for (const { k, n } of cells) {
          if (k !== null && n !== null) expectGroupSafe([k, n - k], n, t, `level ${k} of ${n}`);
          else expect([k, n]).toEqual([null, null]);
        }
        const total = totals[a]!;
        if (total.k === null) return;
        const rest = (f: (c: { k: number | null; n: number | null }) => number | null, whole: number) =>
          whole - cells.reduce((s, c) => s + (f(c) ?? 0), 0);
        for (const left of [rest((c) => c.n, total.n!), rest((c) => c.k, total.k), rest((c) => (c.n === null ? null : c.n - c.k!), total.n! - total.k)]) {
          expect(small(left, t), `left over: ${left}`).toBe(false);
        }
      });
    }
    expect(hiddenLevels).toBeGreaterThan(0);
    expect(after).toContain(disclosureFootnote(t, lang));
  });

  it.each(cases)('threshold %i, %s: the page states the rule with its threshold', (t, lang) => {
    const html = page(t, lang);
    expect(html).toContain(lang === 'nb' ? `Tall som gjelder færre enn ${t} personer, vises ikke` : `Numbers that concern fewer than ${t} people are not shown`);
    // One symbol for a hidden number: no cell says "skjult" or "hidden" in words.
    expect(html).not.toMatch(/>(skjult|hidden)( \(|<)/);
  });

  it('contains no participant number from the input, in the page or in any chart', () => {
    expect(trial.ids.length).toBe(120);
    expect(trial.ids[0]).toMatch(/^P\d+$/);
    for (const report of trial.pages.values()) {
      const everything = [report.html, ...report.charts.flatMap((c) => [c.svg, JSON.stringify(c.spec)])].join('\n');
      for (const id of trial.ids) expect(everything.includes(id), id).toBe(false);
    }
  });
});
