import { describe, expect, it } from 'vitest';
import type { CostBenefitResult } from '../../src/cost-benefit/cost-benefit-results.ts';
import type { VerifyResult } from '../../src/design/verify.ts';
import type { TimepointEmployment } from '../../src/outcomes/employment-results.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../../src/quality-of-life/quality-of-life-results.ts';
import { summaryPoints, summarySection, type SummaryInput } from '../../src/report/summary-section.ts';
import type { Lang } from '../../src/report/texts.ts';
import {
  COST_BENEFIT,
  costBenefitFixture,
  EMPLOYMENT,
  EVIL_QUALITY_OF_LIFE,
  EVIL_VERIFY_PLAN,
  OUTCOMES,
  PLAN,
  QUALITY_OF_LIFE,
  VERIFY,
  VERIFY_NO_LIST,
  VERIFY_UNVERIFIED,
  withCostBenefit,
  withQolWave,
} from './fixtures.ts';
import { FIDELITY_SIX, META, metaFixture } from './evidence-fixtures.ts';

const input = (lang: Lang, change: Partial<SummaryInput> = {}): SummaryInput => ({
  plan: PLAN,
  verify: VERIFY,
  outcomes: OUTCOMES,
  qualityOfLife: QUALITY_OF_LIFE,
  costBenefit: COST_BENEFIT,
  lang,
  ...change,
});
/** The summary as "label: sentences" lines. */
const lines = (lang: Lang, change: Partial<SummaryInput> = {}) => summaryPoints(input(lang, change)).map((p) => `${p.label} ${p.sentences.join(' ')}`);
/** The point whose label starts with `label`, or undefined. */
const point = (lang: Lang, label: string, change: Partial<SummaryInput> = {}) => lines(lang, change).find((l) => l.startsWith(label));

const withPrimary = (change: Partial<TimepointEmployment>): OutcomesResult => ({
  ...OUTCOMES,
  employment: EMPLOYMENT.map((t) => (t.primary ? { ...t, ...change } : t)),
});
const PRIMARY = EMPLOYMENT.find((t) => t.primary)!;

/** Every follow-up wave of every measure changed by `change`. */
const withFollowUps = (change: (w: QualityOfLifeWave) => QualityOfLifeWave): QualityOfLifeResult => ({
  ...QUALITY_OF_LIFE,
  quality_of_life: QUALITY_OF_LIFE.quality_of_life.map((w) => (w.baseline ? w : change(w))),
});
const reading = (w: QualityOfLifeWave, r: 'better' | 'worse' | 'no_clear_difference', p_adjusted = w.difference!.p_adjusted) => ({
  ...w,
  difference: { ...w.difference!, reading: r, p_adjusted },
});

describe('summaryPoints', () => {
  it('summarizes employment, quality of life, the break-even wage and the caveats, in Bokmål', () => {
    expect(lines('nb')).toEqual([
      'Arbeid, hovedutfallet: Etter 18 måneder var 37\u00a0% i IPS-gruppen i arbeid, mot 27\u00a0% i TVR-gruppen: 10 prosentpoeng flere (95\u00a0% KI 5 til 15). Hele intervallet ligger over 0, så resultatet tyder på at flere kommer i arbeid med IPS enn med TVR.',
      'Livskvalitet og helse (tilleggsutfall): Etter 12 måneder kom IPS-gruppen bedre ut enn TVR-gruppen på livskvalitet, depressive symptomer og tro på at arbeid er bra for helsen. Her teller bare forskjeller som er tydelige også etter justering for mange sammenligninger. Det var ingen tydelig forskjell for selvvurdert helse og funksjonsnivå. Ved denne oppfølgingen manglet svar fra mellom 23\u00a0% og 24\u00a0% i IPS-gruppen og mellom 27\u00a0% og 28\u00a0% i TVR-gruppen. De som svarte, kan skille seg fra dem som ikke svarte.',
      'Kostnader og nytte: For at IPS skal betale for merkostnaden sin innen 18 måneder, må hver ekstra person i arbeid tjene omtrent kr\u00a047\u202f000 i måneden før skatt (kr\u00a0561\u202f000 i året). Usikkerhetsområdet er kr\u00a027\u202f000 til kr\u00a0175\u202f000 i måneden. Det er omtrent 1,9 ganger referanselønnen på kr\u00a025\u202f000 i måneden.',
      'Forbehold: Registerdata for måned 18 mangler for 6 av deltakerne i IPS-gruppen og 5 i TVR-gruppen; de er ikke med i hovedresultatet. Selv om alle disse hadde hatt det utfallet som er verst for konklusjonen, ville intervallet ligget på samme side av 0.',
    ]);
  });

  it('says the same in English', () => {
    expect(lines('en')).toEqual([
      'Employment, the primary outcome: After 18 months, 37% of the IPS group were employed, against 27% of the TVR group: 10 percentage points more (95% CI 5 to 15). The whole interval lies above 0, so the result suggests that more people get work with IPS than with TVR.',
      'Quality of life and health (secondary outcomes): After 12 months, the IPS group did better than the TVR group on quality of life, depressive symptoms and belief that work is good for health. Only differences that stay clear after the adjustment for multiple comparisons count here. There was no clear difference in self-rated health and functioning. At this follow-up, answers were missing from between 23% and 24% of the IPS group and between 27% and 28% of the TVR group. Those who answered may differ from those who did not.',
      'Costs and benefits: For IPS to pay for its extra cost within 18 months, each extra person in work would have to earn about NOK\u00a047,000 a month before tax (NOK\u00a0561,000 a year). The uncertainty range is NOK\u00a027,000 to NOK\u00a0175,000 a month. That is about 1.9 times the reference wage of NOK\u00a025,000 a month.',
      'Caveats: Registry data for month 18 are missing for 6 of the participants in the IPS group and 5 in the TVR group; they are not part of the main result. Even if all of them had had the outcome least favourable to this conclusion, the interval would lie on the same side of 0.',
    ]);
  });

  describe('employment', () => {
    it('says "fewer" for a negative difference, and that an interval across 0 settles nothing', () => {
      const outcomes = withPrimary({ risk_difference: { ...PRIMARY.risk_difference, estimate: -0.031, ci: [-0.082, 0.021] } });
      expect(point('en', 'Employment', { outcomes })).toBe(
        'Employment, the primary outcome: After 18 months, 37% of the IPS group were employed, against 27% of the TVR group: 3 percentage points fewer (difference -3, 95% CI -8 to 2). The interval covers both fewer and more people in work, so the data do not show for certain whether IPS leads to more or fewer people in work than TVR.',
      );
    });

    it('keeps a small bound that does not touch 0 from being rounded to 0', () => {
      const outcomes = withPrimary({ risk_difference: { ...PRIMARY.risk_difference, estimate: 0.05, ci: [0.002, 0.098] } });
      expect(point('nb', 'Arbeid', { outcomes })).toContain('5 prosentpoeng flere (95\u00a0% KI 0,2 til 10). Hele intervallet ligger over 0');
    });

    it('words a null difference with its reason, and no rates at all as no main result', () => {
      const noDifference = withPrimary({ risk_difference: { ...PRIMARY.risk_difference, estimate: null, ci: null, p: null, note: 'no_events' } });
      expect(point('en', 'Employment', { outcomes: noDifference })).toBe(
        'Employment, the primary outcome: After 18 months, 37% of the IPS group were employed, against 27% of the TVR group. The difference between the groups cannot be estimated: nobody was employed in either group.',
      );
      const unknownNote = withPrimary({ risk_difference: { ...PRIMARY.risk_difference, estimate: null, ci: null, p: null, note: 'something_new' } });
      expect(point('en', 'Employment', { outcomes: unknownNote })).toMatch(/the TVR group\. The difference between the groups cannot be estimated\.$/);
      const noRates = withPrimary({ arms: { ...PRIMARY.arms, TVR: { ...PRIMARY.arms.TVR!, n: 0, employed: 0, rate: null, ci: null } } });
      expect(point('nb', 'Arbeid', { outcomes: noRates })).toBe(
        'Arbeid, hovedutfallet: Hovedresultatet kan ikke vises: minst én av gruppene har ingen deltakere med kjent utfall i måned 18.',
      );
      // No interval: nothing to say about 0, so no missing-data reading either.
      expect(point('en', 'Caveats', { outcomes: noDifference })).not.toMatch(/interval/);
      expect(point('en', 'Employment', { outcomes: { ...OUTCOMES, employment: [] } })).toMatch(/no participants with a known outcome in month 18\.$/);
    });

    it('follows the small-numbers rule: a share based on too few people is not given, nor is the difference', () => {
      // 2 of 601 employed in IPS: below the threshold of 3.
      const outcomes = withPrimary({ arms: { ...PRIMARY.arms, IPS: { ...PRIMARY.arms.IPS!, employed: 2, rate: 2 / 601 } } });
      expect(point('nb', 'Arbeid', { outcomes })).toBe(
        'Arbeid, hovedutfallet: Andelen i arbeid i måned 18 vises ikke her, fordi den gjelder for få personer i minst én av gruppene (se regelen om små tall).',
      );
      expect(point('en', 'Caveats', { outcomes })).not.toMatch(/interval/);
    });

    it('uses the words of the "employed at any time up to the month" definition', () => {
      const outcomes = withPrimary({ definition: 'any_employment_to_month' });
      expect(point('en', 'Employment', { outcomes })).toContain('Within the first 18 months, 37% of the IPS group had been employed, against 27% of the TVR group');
    });
  });

  describe('quality of life', () => {
    it('is left out when there are no questionnaire results', () => {
      const qualityOfLife: QualityOfLifeResult = { ...QUALITY_OF_LIFE, quality_of_life: [] };
      expect(lines('en', { qualityOfLife }).map((l) => l.split(':')[0])).toEqual(['Employment, the primary outcome', 'Costs and benefits', 'Caveats']);
    });

    it('says so when no follow-up could be compared', () => {
      const qualityOfLife: QualityOfLifeResult = { ...QUALITY_OF_LIFE, quality_of_life: QUALITY_OF_LIFE.quality_of_life.filter((w) => w.baseline) };
      expect(point('en', 'Quality', { qualityOfLife })).toBe(
        'Quality of life and health (secondary outcomes): The questionnaires could not be compared between the groups at any follow-up.',
      );
    });

    it('says "no clear difference" for every measure when none is clear, naming them all', () => {
      const qualityOfLife = withFollowUps((w) => reading(w, 'no_clear_difference'));
      expect(point('en', 'Quality', { qualityOfLife })).toBe(
        'Quality of life and health (secondary outcomes): After 12 months, there was no clear difference between the groups on any of the measures (quality of life, self-rated health, depressive symptoms, functioning and belief that work is good for health) after the adjustment for multiple comparisons. At this follow-up, answers were missing from between 23% and 24% of the IPS group and between 27% and 28% of the TVR group. Those who answered may differ from those who did not.',
      );
    });

    it('reads better and worse from the result, not from the sign, and counts only what stays clear after the correction', () => {
      // Depressive symptoms up with IPS: worse (lower is better). Quality of life clear only before the correction.
      const qualityOfLife: QualityOfLifeResult = {
        ...QUALITY_OF_LIFE,
        quality_of_life: QUALITY_OF_LIFE.quality_of_life.map((w) =>
          w.month !== 12 ? w : w.measure === 'depression' ? reading({ ...w, difference: { ...w.difference!, estimate: 1.42, ci: [0.6669, 2.1731] } }, 'worse') : w.measure === 'qol' ? reading(w, 'better', 0.08) : w,
        ),
      };
      expect(point('nb', 'Livskvalitet', { qualityOfLife })).toMatch(
        /^Livskvalitet og helse \(tilleggsutfall\): Etter 12 måneder kom IPS-gruppen bedre ut enn TVR-gruppen på tro på at arbeid er bra for helsen\. Etter 12 måneder kom IPS-gruppen dårligere ut enn TVR-gruppen på depressive symptomer\. Her teller bare forskjeller som er tydelige også etter justering for mange sammenligninger\. Det var ingen tydelig forskjell for livskvalitet, selvvurdert helse og funksjonsnivå\./,
      );
    });

    it('keeps the reading of a comparison outside the correction, and names measures that could not be compared', () => {
      const qualityOfLife = withQolWave('functioning', 12, (w) => ({
        ...w,
        difference: { ...w.difference!, estimate: null, se: null, ci: null, df: null, p: null, p_adjusted: null, reading: null, note: 'no_answers_in_arm' },
      }));
      const outside = withQolWave('health', 12, (w) => reading(w, 'better', null));
      expect(point('en', 'Quality', { qualityOfLife })).toContain('There was no clear difference in self-rated health. For functioning, the difference could not be estimated.');
      expect(point('en', 'Quality', { qualityOfLife: outside })).toContain('did better than the TVR group on quality of life, self-rated health, depressive symptoms and belief');
    });

    it('leaves out the missing-answers sentence when the counts are withheld', () => {
      const qualityOfLife = withFollowUps((w) =>
        w.month !== 12 ? w : { ...w, arms: Object.fromEntries(Object.entries(w.arms).map(([arm, a]) => [arm, { ...a, n: null, missing: null, share_missing: null, counts_suppressed: true }])) },
      );
      expect(point('en', 'Quality', { qualityOfLife })).not.toContain('answers were missing');
      const one = withFollowUps((w) => (w.month !== 12 ? w : { ...w, arms: { ...w.arms, IPS: { ...w.arms.IPS!, share_missing: 0.25 }, TVR: { ...w.arms.TVR!, share_missing: 0.3 } } }));
      expect(point('nb', 'Livskvalitet', { qualityOfLife: one })).toContain('manglet svar fra 25\u00a0% i IPS-gruppen og 30\u00a0% i TVR-gruppen.');
    });
  });

  describe('costs and benefits', () => {
    it('says there is no cost calculation when the plan has no cost section', () => {
      const costBenefit: CostBenefitResult = { cost_benefit: null };
      expect(point('nb', 'Kostnader', { costBenefit })).toBe('Kostnader og nytte: Analyseplanen har ingen kostnadsdel, så rapporten regner ikke på kostnader og nytte.');
      expect(point('en', 'Costs', { costBenefit })).toBe('Costs and benefits: The analysis plan has no cost section, so the report does not weigh costs against benefits.');
    });

    it('words a break-even wage that does not exist by its reason', () => {
      const noEffect = costBenefitFixture({ extraMonths: [-0.2, -1.1, 0.7] });
      expect(point('en', 'Costs', { costBenefit: noEffect })).toBe(
        'Costs and benefits: IPS gave no more months in work than TVR in this trial, so no wage pays for its extra cost of NOK\u00a080,000 per participant.',
      );
      const noExtraCost = costBenefitFixture({ costs: { IPS: 15_000, TVR: 15_000 } });
      expect(point('en', 'Costs', { costBenefit: noExtraCost })).toMatch(/^Costs and benefits: IPS cost no more per participant than TVR/);
      const unknown = withCostBenefit((cb) => ({ ...cb, break_even_wage: { ...cb.break_even_wage, monthly_nok: null, annual_nok: null, ci: null, reason: null } }));
      expect(point('nb', 'Kostnader', { costBenefit: unknown })).toBe('Kostnader og nytte: Balanselønnen kan ikke beregnes.');
    });

    it('gives an open interval in words and compares a low wage with the reference as a share', () => {
      const open = withCostBenefit((cb) => ({ ...cb, break_even_wage: { ...cb.break_even_wage, monthly_nok: 20_000, annual_nok: 240_000, ci: [12_000, null] } }));
      expect(point('en', 'Costs', { costBenefit: open })).toBe(
        'Costs and benefits: For IPS to pay for its extra cost within 18 months, each extra person in work would have to earn about NOK\u00a020,000 a month before tax (NOK\u00a0240,000 a year). The uncertainty range is from NOK\u00a012,000 a month upward; in some resamples no wage pays for it. That is about 80% of the reference wage of NOK\u00a025,000 a month.',
      );
    });
  });

  describe('caveats', () => {
    it('puts an allocation that failed verification, or could not be checked, first', () => {
      expect(point('en', 'Caveats', { verify: VERIFY_UNVERIFIED })).toMatch(
        /^Caveats: The check of the randomization found problems, so it is not confirmed that participants got the group they were allocated to\. Read all results with caution\. Registry data/,
      );
      expect(point('nb', 'Forbehold', { verify: VERIFY_NO_LIST })).toMatch(
        /^Forbehold: Ingen trekningsliste ble levert, så det kunne ikke kontrolleres at deltakerne fikk den gruppen de ble trukket til\. Registerdata/,
      );
    });

    it('says when the missing outcomes could overturn the conclusion', () => {
      const outcomes = withPrimary({
        missing_bounds: { ...PRIMARY.missing_bounds!, worst_case: { ...PRIMARY.missing_bounds!.worst_case, estimate: 0.03, ci: [-0.01, 0.07] } },
      });
      expect(point('en', 'Caveats', { outcomes })).toMatch(/If all of them had had the outcome least favourable to this conclusion, the interval would include 0: the missing data could change the conclusion\.$/);
      // A clearly negative result is overturned by the best case for the intervention.
      const negative = withPrimary({
        risk_difference: { ...PRIMARY.risk_difference, estimate: -0.1, ci: [-0.15, -0.05] },
        missing_bounds: { worst_case: { ...PRIMARY.missing_bounds!.worst_case, ci: [-0.2, -0.1] }, best_case: { ...PRIMARY.missing_bounds!.best_case, ci: [-0.12, -0.01] } },
      });
      expect(point('en', 'Caveats', { outcomes: negative })).toMatch(/the interval would lie on the same side of 0\.$/);
    });

    it('warns that a small trial gives wide intervals, and has no caveats point when there is nothing to say', () => {
      const small = withPrimary({
        arms: { IPS: { ...PRIMARY.arms.IPS!, n: 40, employed: 15, missing: 0, rate: 15 / 40 }, TVR: { ...PRIMARY.arms.TVR!, n: 45, employed: 12, missing: 0, rate: 12 / 45 } },
      });
      expect(point('en', 'Caveats', { outcomes: small })).toBe(
        'Caveats: The trial is small: the main analysis is based on 85 participants. The intervals are then wide, and a real but moderate difference can go unnoticed.',
      );
      const complete = withPrimary({ arms: { IPS: { ...PRIMARY.arms.IPS!, missing: 0 }, TVR: { ...PRIMARY.arms.TVR!, missing: 0 } } });
      expect(point('en', 'Caveats', { outcomes: complete })).toBeUndefined();
    });
  });
});

describe('summary points on the evidence and fidelity', () => {
  it('says where this trial sits relative to the earlier studies, and that the evidence file has synthetic rows', () => {
    expect(point('en', 'Beside other research', { metaAnalysis: META })).toBe(
      'Beside other research: In this trial, the share in work after 18 months was 1.38 times as large with IPS as with TVR (95% CI 1.03 to 1.85). ' +
        'Pooled, the 12 earlier studies give a risk ratio of 2.14 (95% CI 1.76 to 2.60). ' +
        'The result here is lower than the pooled one, but within the range in which a new study can be expected to fall (1.33 to 3.45, the prediction interval). So it agrees with the earlier evidence. ' +
        '12 of the 14 studies in the evidence file are synthetic, so the comparison only shows how the report works.',
    );
    expect(point('nb', 'Sammenlignet med annen forskning', { metaAnalysis: META })).toMatch(/^Sammenlignet med annen forskning: I dette forsøket var andelen i arbeid etter 18 måneder 1,38 ganger så stor/);
  });

  it('has no such point without an evidence file, and says when this trial could not be compared', () => {
    expect(point('en', 'Beside other research', { metaAnalysis: null })).toBeUndefined();
    expect(point('en', 'Beside other research')).toBeUndefined();
    expect(point('en', 'Beside other research', { metaAnalysis: metaFixture({ thisTrial: { reason: 'small_numbers' } }) })).toMatch(/is not included, because its counts are so small/);
  });

  it('gives the sites’ fidelity totals and bands, and that so few sites cannot show a relation to employment', () => {
    const p = point('en', 'Fidelity', { fidelity: FIDELITY_SIX })!;
    expect(p).toMatch(/^Fidelity: The 6 sites with a complete rating scored from \d+ to \d+ of 125: /);
    expect(p).toMatch(/With only 6 sites, the report cannot tell whether sites with higher fidelity got more people into work\.$/);
    expect(point('en', 'Fidelity', { fidelity: null })).toBeUndefined();
  });

  it('places the two points after costs and before the caveats', () => {
    const labels = summaryPoints(input('en', { metaAnalysis: META, fidelity: FIDELITY_SIX, verify: VERIFY_NO_LIST })).map((p) => p.label);
    expect(labels.slice(-4)).toEqual(['Costs and benefits:', 'Beside other research:', 'Fidelity:', 'Caveats:']);
  });
});

describe('summarySection', () => {
  it('is a section with a heading and one list item per point, and a line on where the details are', () => {
    const en = String(summarySection(input('en')));
    expect(en).toMatch(/^<section class="key-result" aria-labelledby="summary">\n<h2 id="summary">Summary<\/h2>\n<ul class="summary-points">\n<li><strong>Employment, the primary outcome:<\/strong> After 18 months/);
    expect(en.match(/<li>/g)).toHaveLength(4);
    expect(en).toContain('<p>CI stands for confidence interval: the differences that agree well with the data. All the numbers, and how they were worked out, are in the sections below.</p>');
  });

  it('escapes labels from the plan and the results', () => {
    const verify: VerifyResult = VERIFY;
    const html = String(summarySection({ ...input('en'), plan: EVIL_VERIFY_PLAN, qualityOfLife: EVIL_QUALITY_OF_LIFE, verify }));
    expect(html).not.toContain('<svg');
    expect(html).toContain('on &lt;svg onload=alert(3)&gt;, &lt;svg onload=alert(3)&gt; and &lt;svg onload=alert(3)&gt;.');
  });
});
