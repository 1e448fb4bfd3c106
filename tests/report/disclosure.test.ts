import { describe, expect, it } from 'vitest';
import type { KaplanMeierStep } from '../../src/stats/kaplan-meier.ts';
import type { SubgroupResult } from '../../src/outcomes/employment-results.ts';
import {
  countText,
  disclosureFootnote,
  disclosureStatement,
  HIDDEN,
  hiddenCells,
  isSmall,
  kaplanMeierDisclosure,
  outcomeHidden,
  participantsBySiteTable,
  recoverable,
  shownOrHidden,
  siteTable,
  subgroupDisclosure,
  suppressTwoWay,
  timepointDisclosure,
} from '../../src/report/disclosure.ts';
import { participantsBySiteBars, participantsBySiteSpec } from '../../src/report/charts/participants-by-site.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { texts } from '../../src/report/texts.ts';
import { employmentSection } from '../../src/report/employment-section.ts';
import { qualityOfLifeSection } from '../../src/report/quality-of-life-section.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { EMPLOYMENT, OUTCOMES, PLAN, QUALITY_OF_LIFE, SUMMARY, withQolWave } from './fixtures.ts';

/** A small seeded generator (mulberry32), so the property checks below are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** A count that is often 0, often small, sometimes large. */
const drawCount = (r: () => number) => {
  const u = r();
  return u < 0.2 ? 0 : u < 0.5 ? 1 + Math.floor(r() * 4) : Math.floor(r() * 60);
};

describe('the rule for one group with a shown total (hiddenCells)', () => {
  it('hides counts from 1 to below the threshold, never a zero', () => {
    expect(isSmall(1, 3)).toBe(true);
    expect(isSmall(2, 3)).toBe(true);
    expect(isSmall(3, 3)).toBe(false);
    expect(isSmall(0, 3)).toBe(false);
    expect(hiddenCells([0, 0, 50], 3)).toEqual([false, false, false]);
    expect(hiddenCells([40, 0, 0, 25], 10)).toEqual([false, false, false, false]);
  });

  it('gives a single hidden cell a partner, the smallest non-zero one, so the total does not give it back', () => {
    // Total 67 is shown: 67 − 40 − 25 = 2 would reveal the hidden cell without the partner.
    expect(hiddenCells([40, 2, 0, 25], 3)).toEqual([false, true, false, true]);
    // Two hidden 1s add up to 2: the total would say "two people"; a third cell is hidden.
    expect(hiddenCells([20, 1, 1, 0], 3)).toEqual([true, true, true, false]);
    // No partner left: nothing more can be done within the group.
    expect(hiddenCells([1, 0, 0], 3)).toEqual([true, false, false]);
  });

  it('depends on the threshold: 3 (Statistics Norway’s default) against a stricter 10', () => {
    expect(hiddenCells([40, 5, 30], 3)).toEqual([false, false, false]);
    expect(hiddenCells([40, 5, 30], 10)).toEqual([false, true, true]);
    expect(hiddenCells([40, 9, 0, 25], 10)).toEqual([false, true, false, true]);
    expect(hiddenCells([40, 12, 0, 25], 10)).toEqual([false, false, false, false]);
  });

  it('respects cells already hidden by a crossing line, and never leaves a recoverable group when a partner exists', () => {
    expect(hiddenCells([40, 30, 25], 3, [false, true, false])).toEqual([false, true, true]);
    const r = rng(1);
    for (let k = 0; k < 2000; k++) {
      const counts = Array.from({ length: 2 + Math.floor(r() * 5) }, () => drawCount(r));
      for (const t of [3, 5, 10]) {
        const hidden = hiddenCells(counts, t);
        counts.forEach((n, i) => {
          if (isSmall(n, t)) expect(hidden[i]).toBe(true);
          if (n === 0) expect(hidden[i]).toBe(false);
        });
        const partnerLeft = counts.some((n, i) => n > 0 && !hidden[i]);
        if (partnerLeft) expect(recoverable(counts, hidden, t), `${counts} t=${t}`).toBe(false);
      }
    }
  });
});

describe('a count shown beside its percentage (outcomeHidden)', () => {
  it('hides an employed count when it, or the not employed that n gives away, is small', () => {
    expect(outcomeHidden(2, 100, 3)).toBe(true);
    expect(outcomeHidden(98, 100, 3)).toBe(true);
    expect(outcomeHidden(0, 100, 3)).toBe(false);
    expect(outcomeHidden(100, 100, 3)).toBe(false);
    expect(outcomeHidden(9, 100, 10)).toBe(true);
    expect(outcomeHidden(9, 100, 3)).toBe(false);
  });

  it('writes a hidden count, and a percentage or interval computed from it, as ":"', () => {
    expect(HIDDEN).toBe(':');
    expect(countText(12, false, 'nb')).toBe('12');
    expect(countText(1234, false, 'nb')).toBe('1\u202f234');
    expect(countText(12, true, 'en')).toBe(':');
    expect(countText(null, false, 'en')).toBe(':');
    expect(shownOrHidden(0.25, true, (x) => `${x * 100}%`)).toBe(':');
    expect(shownOrHidden(0.25, false, (x) => `${x * 100}%`)).toBe('25%');
  });

  it('hides the unadjusted estimates of a timepoint with a hidden count, not those of the others', () => {
    expect(timepointDisclosure(EMPLOYMENT[0]!.arms, PLAN)).toEqual({ arms: { IPS: false, TVR: false }, crude: false });
    // IPS has 7 employed at month 6: hidden under a threshold of 10.
    expect(timepointDisclosure(EMPLOYMENT[0]!.arms, { ...PLAN, small_cell_threshold: 10 })).toEqual({ arms: { IPS: true, TVR: false }, crude: true });
  });
});

describe('a two-way table with both margins shown (suppressTwoWay)', () => {
  /** Every line with a shown total hides none, or at least two cells adding up to at least t. */
  function expectSafe(counts: number[][], t: number) {
    const { cells, rowTotals } = suppressTwoWay(counts, t);
    const totals = counts.map((row) => row.reduce((s, n) => s + n, 0));
    counts.forEach((row, r) => {
      row.forEach((n, c) => {
        if (isSmall(n, t)) expect(cells[r]![c]).toBe(true);
        if (n === 0) expect(cells[r]![c]).toBe(false);
      });
      if (isSmall(totals[r]!, t)) expect(rowTotals[r]).toBe(true);
      if (rowTotals[r]) expect(row.every((n, c) => n === 0 || cells[r]![c])).toBe(true);
      else expect(recoverable(row, cells[r]!, t), `row ${r} of ${JSON.stringify(counts)}`).toBe(false);
    });
    const columns = counts[0]!.map((_, c) => counts.map((row) => row[c]!));
    columns.forEach((column, c) => {
      const hidden = cells.map((row) => row[c]!);
      const partnerLeft = column.some((n, r) => n > 0 && !hidden[r]);
      if (partnerLeft) expect(recoverable(column, hidden, t), `column ${c} of ${JSON.stringify(counts)}`).toBe(false);
    });
    if (totals.some((n, r) => n > 0 && !rowTotals[r])) expect(recoverable(totals, rowTotals, t)).toBe(false);
  }

  it('hides a site’s tiny arm with partners in its row and in its column', () => {
    const { cells, rowTotals } = suppressTwoWay(
      [
        [50, 40],
        [1, 30],
        [20, 25],
      ],
      3,
    );
    expect(cells).toEqual([
      [false, false],
      [true, true],
      [true, true],
    ]);
    expect(rowTotals).toEqual([false, false, false]);
  });

  it('hides a tiny site’s total too, with another site’s total and cells as its partners', () => {
    const { cells, rowTotals } = suppressTwoWay(
      [
        [50, 40],
        [0, 2],
        [20, 25],
        [30, 35],
      ],
      3,
    );
    expect(rowTotals).toEqual([false, true, true, false]);
    expect(cells[1]).toEqual([false, true]);
    expect(cells[2]).toEqual([true, true]);
  });

  it('leaves nothing recoverable by subtraction in random tables, for thresholds 3, 5 and 10', () => {
    const r = rng(7);
    for (let k = 0; k < 500; k++) {
      const counts = Array.from({ length: 1 + Math.floor(r() * 7) }, () => Array.from({ length: 2 + Math.floor(r() * 2) }, () => drawCount(r)));
      for (const t of [3, 5, 10]) expectSafe(counts, t);
    }
  });
});

describe('participants by site', () => {
  const tiny = {
    ...SUMMARY,
    participants: {
      ...SUMMARY.participants,
      by_site: [...SUMMARY.participants.by_site, { site: 'Lillevik', arm: 'IPS', randomized: 1 }, { site: 'Lillevik', arm: 'TVR', randomized: 2 }],
    },
  };
  const cells = (page: string) =>
    [...page.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));

  it('shows nothing the rule hides in the table, and says why under it', () => {
    for (const lang of ['nb', 'en'] as const) {
      const { table, note } = participantsBySiteTable(tiny, PLAN, lang);
      const rows = cells(String(table));
      // Lillevik's 1 and 2 are hidden. Their partners: in the IPS column Hordaland's 101 (Østfold's 0
      // is shown), so in Hordaland's row its 103 too; in the TVR column Østfold's 13, whose row has
      // no other non-zero cell, so Østfold's total goes, and with it, as its partner among the site
      // totals, Lillevik's 3.
      expect(rows.find((r) => r[0] === 'Lillevik')).toEqual(['Lillevik', ':', ':', ':']);
      expect(rows.find((r) => r[0] === 'Østfold')).toEqual(['Østfold', '0', ':', ':']);
      expect(rows.find((r) => r[0] === 'Hordaland')).toEqual(['Hordaland', ':', ':', '204']);
      expect(rows.find((r) => r[0] === 'Sør-Trøndelag')).toEqual(['Sør-Trøndelag', '510', '507', lang === 'nb' ? '1\u202f017' : '1,017']);
      expect(String(note)).toContain(disclosureFootnote(3, lang));
    }
    expect(participantsBySiteTable(SUMMARY, PLAN, 'nb').note).toBeNull();
    const s = siteTable(tiny, PLAN);
    expect(s.armTotals).toEqual([612, 625]);
    expect(s.total).toBe(1237);
  });

  it('leaves hidden counts out of the chart’s data and draws no bar for them, only ":"', async () => {
    const bars = participantsBySiteBars(tiny, PLAN, 'nb');
    expect(bars.find((b) => b.site === 'Lillevik' && b.arm === 'IPS')).toEqual({
      site: 'Lillevik',
      arm: 'IPS',
      n: null,
      bar_n: 0,
      n_text: ':',
      bar_label: 'Lillevik, IPS: vises ikke (for få personer)',
    });
    const spec = participantsBySiteSpec(tiny, PLAN, 'nb');
    expect(JSON.stringify(spec)).not.toMatch(/"(n|bar_n)":[12],/);
    const svg = await renderSvg(spec);
    expect(svg).toContain('aria-label="Lillevik, IPS: vises ikke (for få personer)"');
    expect(svg).not.toMatch(/aria-label="Lillevik, (IPS|TVR): \d/);
    // Every count hidden (a threshold above every cell): still a chart, without warnings.
    expect(await renderSvg(participantsBySiteSpec(tiny, { ...PLAN, small_cell_threshold: 10_000 }, 'en'))).toContain('not shown (too few people)');
    expect(svg).toContain('aria-label="Sør-Trøndelag, IPS: 510"');
    expect(svg).toContain('>:</text>');
  });
});

describe('time to first job (kaplanMeierDisclosure)', () => {
  /** Kaplan–Meier steps from [time, events, censored] with n at the start, survival by the product-limit rule. */
  function curve(n: number, steps: [number, number, number][]): KaplanMeierStep[] {
    let atRisk = n;
    let survival = 1;
    return steps.map(([time, events, censored]) => {
      survival *= 1 - events / atRisk;
      const step = { time, at_risk: atRisk, events, censored, survival, std_err: 0.1, ci: [survival * 0.9, Math.min(1, survival * 1.1)] as [number, number] };
      atRisk -= events + censored;
      return step;
    });
  }

  it('takes months together until first jobs and ended follow-ups are each 0 or at least the threshold, keeping the stage’s estimates', () => {
    const steps = curve(40, [
      [0, 2, 0],
      [1, 4, 0],
      [2, 3, 1],
      [3, 0, 2],
      [4, 5, 0],
      [6, 3, 20],
    ]);
    const d = kaplanMeierDisclosure(steps, 3);
    expect(d.intervals.map((i) => [i.from, i.to, i.at_risk, i.events, i.censored])).toEqual([
      [0, 1, 40, 6, 0],
      [2, 3, 34, 3, 3],
      [4, 4, 28, 5, 0],
      [6, 6, 23, 3, 20],
    ]);
    expect(d.intervals[0]!.survival).toBe(steps[1]!.survival);
    expect(d.intervals[1]!.survival).toBe(steps[3]!.survival);
    expect(d).toMatchObject({ merged: true, truncated: false, hidden: false });
    // A threshold of 1 hides nothing: one interval per step.
    expect(kaplanMeierDisclosure(steps, 1).intervals).toHaveLength(steps.length);
  });

  it('joins a last interval that is still too small to the one before it', () => {
    const steps = curve(30, [
      [0, 5, 0],
      [1, 4, 0],
      [2, 1, 20],
    ]);
    expect(kaplanMeierDisclosure(steps, 3).intervals.map((i) => [i.from, i.to, i.events, i.censored])).toEqual([
      [0, 0, 5, 0],
      [1, 2, 5, 20],
    ]);
  });

  it('stops before fewer than the threshold are at risk, and hides what the remainder could give away', () => {
    const steps = curve(20, [
      [0, 5, 0],
      [1, 5, 0],
      [2, 4, 4],
      [3, 1, 0],
      [4, 1, 0],
    ]);
    const d = kaplanMeierDisclosure(steps, 3);
    // At month 3 only 2 are at risk: the table ends with month 2. 2 remain after it (20 − 5 − 5 − 4 − 4):
    // with 4 first jobs and 4 ended follow-ups shown, they would be given away, so 4 of them are hidden too.
    expect(d.truncated).toBe(true);
    expect(d.hidden).toBe(true);
    expect(d.intervals.map((i) => [i.from, i.to, i.at_risk, i.events, i.censored])).toEqual([
      [0, 0, 20, 5, 0],
      [1, 1, 15, 5, 0],
      [2, 2, 10, null, 4],
    ]);
    // A hidden count of first jobs hides the estimate computed from it.
    expect(d.intervals[2]!.survival).toBeNull();
    expect(d.intervals[2]!.ci).toBeNull();
  });

  it('leaves no small count and nothing recoverable in random curves', () => {
    const r = rng(3);
    for (let k = 0; k < 300; k++) {
      const n = 5 + Math.floor(r() * 80);
      const steps: [number, number, number][] = [];
      let left = n;
      for (let time = 0; left > 0 && time < 30; time++) {
        const events = Math.min(left, Math.floor(r() * 4));
        const censored = time === 29 ? left - events : Math.min(left - events, r() < 0.5 ? 0 : Math.floor(r() * 3));
        if (events + censored > 0) steps.push([time, events, censored]);
        left -= events + censored;
      }
      if (steps.length === 0) continue;
      const c = curve(n, steps);
      for (const t of [3, 5, 10]) {
        const d = kaplanMeierDisclosure(c, t);
        d.intervals.forEach((i, j) => {
          expect(i.at_risk).toBeGreaterThanOrEqual(t);
          for (const x of [i.events, i.censored]) if (x !== null) expect(isSmall(x, t)).toBe(false);
          const next = d.intervals[j + 1]?.at_risk ?? null;
          // What subtraction from the shown number at risk gives back: the hidden cells and what is left after the table.
          const recovered = i.at_risk - (i.events ?? 0) - (i.censored ?? 0) - (next ?? 0);
          if (next === null && i.events !== null && i.censored !== null) expect(isSmall(recovered, t)).toBe(false);
          if (i.events === null || i.censored === null) expect(recovered).toBeGreaterThanOrEqual(t);
          // The estimate shown is the stage's own at the interval's last month.
          if (i.survival !== null) expect(i.survival).toBe(c.find((s) => s.time === i.to)!.survival);
        });
      }
    }
  });
});

describe('subgroups (subgroupDisclosure)', () => {
  const overall = EMPLOYMENT[2]!;
  const level = (name: string, ips: [number, number] | null, tvr: [number, number] | null): SubgroupResult['levels'][number] => ({
    level: name,
    arms: {
      IPS: ips ? { employed: ips[0], n: ips[1] } : { employed: null, n: null },
      TVR: tvr ? { employed: tvr[0], n: tvr[1] } : { employed: null, n: null },
    },
    risk_difference: { estimate: null, ci: null, p: null, method: 'newcombe_hybrid_score', correction: null, note: ips && tvr ? null : 'suppressed' },
    suppressed: !(ips && tvr),
  });
  const variable = (levels: SubgroupResult['levels']): SubgroupResult => ({ variable: 'diagnosis', month: 18, levels, interaction: null, note: null });

  it('keeps the fixture’s subgroups as they are: nothing small, and the levels add up to all participants', () => {
    expect(subgroupDisclosure(OUTCOMES.employment_subgroups, overall, PLAN).flat().some(Boolean)).toBe(false);
  });

  it('hides a partner for a level the outcomes stage suppressed, since all participants minus the others would give it back', () => {
    // 223 of 601 and 166 of 615 in all: the suppressed level is what the other three leave.
    const s = variable([level('depression', [120, 300], [90, 310]), level('anxiety', [60, 200], [50, 210]), level('bipolar', null, null), level('other', [42, 100], [25, 93])]);
    expect(subgroupDisclosure([s], overall, PLAN)).toEqual([[false, false, true, true]]);
    // Without the overall row, still never exactly one hidden level.
    expect(subgroupDisclosure([s], undefined, PLAN)).toEqual([[false, false, true, true]]);
  });

  it('hides more levels while what is left over (hidden levels and missing values together) is small', () => {
    // The three levels shown leave 223 − 222 = 1 employed in IPS: the one with a missing value is given away.
    const s = variable([level('depression', [120, 300], [90, 310]), level('anxiety', [60, 200], [50, 210]), level('other', [42, 99], [26, 95])]);
    const hidden = subgroupDisclosure([s], overall, PLAN)[0]!;
    expect(hidden).toEqual([false, true, true]);
  });
});

describe('the rule in words', () => {
  it('states the rule with the threshold, its source, what it does not cover, and results.json, in both languages', () => {
    const nb = String(disclosureStatement({ small_cell_threshold: 5 }, 'nb'));
    expect(nb).toContain('Tall som gjelder færre enn 5 personer, vises ikke');
    expect(nb).toContain('kolon (:)');
    expect(nb).toContain('Statistisk sentralbyrå');
    expect(nb).toContain('«Tall kan ikke offentliggjøres»');
    expect(nb).toContain('CONSORT');
    expect(nb).toContain('results.json');
    // Table 1's and the questionnaires' summaries need max(threshold, 10).
    expect(nb).toContain('færre enn 10)');
    const en = String(disclosureStatement({ small_cell_threshold: 12 }, 'en'));
    expect(en).toContain('Numbers that concern fewer than 12 people are not shown');
    expect(en).toContain('Statistics Norway');
    expect(en).toContain('fewer than 12)');
    expect((en.match(/<p>/g) ?? []).length).toBe(5);
  });

  it('has the footnote for ":" in both languages, beginning with the symbol', () => {
    expect(disclosureFootnote(3, 'nb')).toMatch(/^: tallet vises ikke, fordi det gjelder færre enn 3 personer/);
    expect(disclosureFootnote(10, 'en')).toMatch(/^: not shown, because the number concerns fewer than 10 people/);
    for (const key of ['disclosure_rule', 'disclosure_footnote', 'disclosure_flow', 'disclosure_estimates', 'disclosure_time_to_job', 'disclosure_internal'] as const) {
      expect(texts.nb[key]).not.toBe(texts.en[key]);
    }
  });
});

describe('the sections apply the rule', () => {
  const cells = (html: string) =>
    [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
  const timepointRows = (section: string) => cells(/<table class="results"[\s\S]*?<\/table>/.exec(section)![0]);
  const strict = { ...PLAN, small_cell_threshold: 10 };

  it('hides a small employed count at a timepoint with its share, interval and unadjusted estimates; keeps n, missing and the model estimates', () => {
    // Month 6: 7 of 606 employed in IPS, below a threshold of 10.
    for (const lang of ['en', 'nb'] as const) {
      const section = String(employmentSection([], OUTCOMES, strict, lang));
      const rows = timepointRows(section);
      const row = (label: RegExp) => rows.find((r) => label.test(r[0]!))!.slice(1);
      expect(rows[2]![1]).toBe(lang === 'en' ? ': of 606 (:)' : ': av 606 (:)');
      expect(rows[3]![1]).toBe(':');
      expect(rows[4]![1]).toBe('1'); // missing: a count of the trial's flow
      expect(rows[6]![1]).toBe(lang === 'en' ? '0 of 619 (0.0%)' : '0 av 619 (0,0\u00a0%)');
      for (const label of [/^(Difference, percentage points|Forskjell, prosentpoeng)/, /^(Risk ratio|Relativ risiko)/, /^(Odds ratio|Oddsratio)/, /^p-(value|verdi)$/, /^(Worst|Verste)/, /^(Best|Beste)/]) {
        expect(row(label)[0], String(label)).toBe(':');
        expect(row(label)[2], String(label)).not.toBe(':');
      }
      expect(row(/^(Adjusted odds ratio|Justert oddsratio)/)[0]).toMatch(/^14[.,]87/);
      expect(section).toContain(`<li>${disclosureFootnote(10, lang)}</li>`);
    }
    // With Statistics Norway's 3, nothing at month 6 is hidden, and there is no footnote.
    const section = String(employmentSection([], OUTCOMES, PLAN, 'en'));
    expect(timepointRows(section)[2]![1]).toBe('7 of 606 (1.2%)');
    expect(section.slice(0, section.indexOf('work-and-earnings'))).not.toContain(disclosureFootnote(3, 'en'));
  });

  it('hides a mean of fewer than the threshold in the work and earnings table, and the difference from it', () => {
    const over = OUTCOMES.employment_over_time;
    const few: OutcomesResult = { ...OUTCOMES, employment_over_time: { ...over, earnings: { ...over.earnings, arms: { ...over.earnings.arms, TVR: { n: 2, mean: 51234, sd: 100 } } } } };
    const section = String(employmentSection([], few, PLAN, 'en'));
    const table = /<h3 id="work-and-earnings">[\s\S]*?<\/table>\n<ul class="notes">[\s\S]*?<\/ul>/.exec(section)![0];
    expect(cells(table)[2]).toEqual(['Total gross earnings, NOK', '81,234 (590)', ': (2)', ':']);
    expect(table).not.toContain('51,234');
    expect(table).toContain(disclosureFootnote(3, 'en'));
  });

  it('hides the employed-at-month-0 count in words when it is small', () => {
    const ttfj = OUTCOMES.time_to_first_job;
    const few: OutcomesResult = { ...OUTCOMES, time_to_first_job: { ...ttfj, arms: { ...ttfj.arms, IPS: { ...ttfj.arms.IPS!, events_at_month_0: 2 } } } };
    const section = String(employmentSection([], few, PLAN, 'en'));
    expect(section).toContain('IPS: 454 of 605 analysed found a job during follow-up (: of them were already employed in the month they were randomized).');
    expect(section).toContain('TVR: 375 of 618 analysed found a job during follow-up (32 of them');
  });

  it('writes a hidden count of answers and a withheld mean as ":" in the questionnaire tables, with the footnote', () => {
    const hidden = withQolWave('qol', 6, (w) => ({
      ...w,
      arms: { ...w.arms, TVR: { ...w.arms.TVR!, n: null, missing: null, share_missing: null, counts_suppressed: true, mean: null, sd: null, ci: null, suppressed: true } },
    }));
    for (const lang of ['en', 'nb'] as const) {
      const section = String(qualityOfLifeSection([], hidden, PLAN, lang));
      const row = cells(/<table class="qol"[\s\S]*?<\/table>/.exec(section)![0]).find((r) => /^(Month|Måned) 6$/.test(r[0]!))!;
      expect(row[2]).toMatch(/^:<sup>\d<\/sup> \(:\)$/);
      expect(section).toContain(`<li>${disclosureFootnote(3, lang)}</li>`);
    }
    expect(String(qualityOfLifeSection([], QUALITY_OF_LIFE, PLAN, 'en'))).not.toContain(disclosureFootnote(3, 'en'));
  });
});
