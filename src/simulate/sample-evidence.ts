/**
 * The evidence file shipped with the sample (data-samples/evidence.csv). It is not simulated
 * data: it is a fixed table, the same for every seed and size, written beside the simulated
 * trial so that the meta-analysis runs out of the box.
 *
 * Two rows are published study-level results, as their abstracts report them (see
 * shared/reference/published-figures.md), each on its own scale: Bejerholm et al. 2015
 * (Sweden) report a risk difference and Sveinsdottir et al. 2020 (SEED, Norway) an odds
 * ratio. Neither gives the counts per arm, so neither can be turned into a risk ratio; the
 * meta-analysis lists them as not pooled, with the reason, rather than guess a control risk.
 *
 * The twelve other rows are **synthetic**: invented studies named "Synthetic study N", with
 * counts of a plausible size for IPS trials (employment 10–26 % with usual services, risk
 * ratios 1.3–3.6) chosen so that, as in the reviews (Brinchmann et al. 2020: 27 trials, pooled
 * RR 2.07, marginally moderated by strong employment protection), they pool to a risk ratio of
 * about 2 with moderate heterogeneity and a weak relation to employment protection. Their
 * countries, years and moderator values (an employment-protection index on the OECD scale
 * 0–6, a benefit replacement rate 0–1, months of follow-up) are invented too, not OECD's or
 * anyone's figures. The report names every synthetic row as such.
 *
 * Checked in R 4.2 with metafor 3.8-1 (12 synthetic rows only):
 * rma(escalc("RR", ai, n1i, ci, n2i), method = "REML") gives RR 2.14 (1.76–2.60), prediction
 * interval 1.33–3.45, I² 44 %; rma(..., mods = ~ employment_protection, test = "knha") a slope
 * of −0.204 (p = 0.057).
 */
import { EVIDENCE_COLUMNS } from '../meta-analysis/evidence-csv.ts';

/** A published row's figures, as the source reports them. */
interface PublishedRow {
  study: string;
  country: string;
  year: number;
  citation: string;
  measure: 'RR' | 'OR' | 'RD';
  estimate: number;
  ci: [number, number];
  followup_months: number;
}

/** A synthetic row: invented counts and moderators. */
interface SyntheticRow {
  country: string;
  year: number;
  events_intervention: number;
  n_intervention: number;
  events_control: number;
  n_control: number;
  employment_protection: number;
  benefit_generosity: number;
  followup_months: number;
}

const PUBLISHED: readonly PublishedRow[] = [
  {
    study: 'Bejerholm 2015',
    country: 'Sweden',
    year: 2015,
    citation: 'Bejerholm U et al., Nord J Psychiatry 2015 (abstract): 120 randomized; employed at 18 months 46 % vs 11 %, difference 36 points (95 % CI 18–54)',
    measure: 'RD',
    estimate: 0.36,
    ci: [0.18, 0.54],
    followup_months: 18,
  },
  {
    study: 'Sveinsdottir 2020 (SEED)',
    country: 'Norway',
    year: 2020,
    citation: 'Sveinsdottir V et al., Scand J Work Environ Health 2020 (abstract): 96 randomized (50 IPS, 46 control), young adults; competitive employment within 12 months 48 % vs 8 %, OR 10.39 (2.79–38.68)',
    measure: 'OR',
    estimate: 10.39,
    ci: [2.79, 38.68],
    followup_months: 12,
  },
];

const SYNTHETIC: readonly SyntheticRow[] = [
  { country: 'USA', year: 2002, events_intervention: 44, n_intervention: 76, events_control: 18, n_control: 74, employment_protection: 0.3, benefit_generosity: 0.3, followup_months: 18 },
  { country: 'USA', year: 2004, events_intervention: 68, n_intervention: 102, events_control: 18, n_control: 98, employment_protection: 0.3, benefit_generosity: 0.3, followup_months: 24 },
  { country: 'Canada', year: 2006, events_intervention: 24, n_intervention: 75, events_control: 13, n_control: 74, employment_protection: 0.9, benefit_generosity: 0.45, followup_months: 12 },
  { country: 'United Kingdom', year: 2007, events_intervention: 36, n_intervention: 110, events_control: 11, n_control: 109, employment_protection: 1.2, benefit_generosity: 0.5, followup_months: 18 },
  { country: 'Netherlands', year: 2008, events_intervention: 32, n_intervention: 76, events_control: 19, n_control: 75, employment_protection: 2.9, benefit_generosity: 0.75, followup_months: 30 },
  { country: 'Switzerland', year: 2008, events_intervention: 25, n_intervention: 50, events_control: 9, n_control: 50, employment_protection: 1.6, benefit_generosity: 0.7, followup_months: 24 },
  { country: 'Australia', year: 2010, events_intervention: 60, n_intervention: 104, events_control: 27, n_control: 104, employment_protection: 1.4, benefit_generosity: 0.4, followup_months: 12 },
  { country: 'Sweden', year: 2012, events_intervention: 14, n_intervention: 58, events_control: 11, n_control: 58, employment_protection: 2.5, benefit_generosity: 0.7, followup_months: 18 },
  { country: 'Denmark', year: 2013, events_intervention: 46, n_intervention: 160, events_control: 34, n_control: 158, employment_protection: 2.1, benefit_generosity: 0.8, followup_months: 18 },
  { country: 'Japan', year: 2014, events_intervention: 20, n_intervention: 40, events_control: 7, n_control: 39, employment_protection: 1.4, benefit_generosity: 0.55, followup_months: 12 },
  { country: 'Hong Kong', year: 2015, events_intervention: 22, n_intervention: 45, events_control: 8, n_control: 45, employment_protection: 0.5, benefit_generosity: 0.25, followup_months: 18 },
  { country: 'USA', year: 2016, events_intervention: 68, n_intervention: 150, events_control: 37, n_control: 148, employment_protection: 0.3, benefit_generosity: 0.3, followup_months: 24 },
];

// The contract's columns, then the sample's moderators.
const HEADER = [...EVIDENCE_COLUMNS, 'employment_protection', 'benefit_generosity', 'followup_months'];

/**
 * evidence.csv's text (UTF-8, LF line ends): the published rows first, then the synthetic
 * ones by year. Order does not matter to the analysis, which sorts by year.
 *
 * @example sampleEvidenceCsv().split('\n')[0] // 'study,country,year,source,citation,…'
 */
export function sampleEvidenceCsv(): string {
  const lines = [HEADER.join(',')];
  for (const p of PUBLISHED) {
    lines.push([p.study, p.country, p.year, 'published', p.citation, '', '', '', '', p.measure, p.estimate, p.ci[0], p.ci[1], 0.95, '', '', p.followup_months].map(csvField).join(','));
  }
  SYNTHETIC.forEach((s, i) => {
    lines.push(
      [
        `Synthetic study ${i + 1}`,
        s.country,
        s.year,
        'synthetic',
        '',
        s.events_intervention,
        s.n_intervention,
        s.events_control,
        s.n_control,
        '',
        '',
        '',
        '',
        '',
        s.employment_protection,
        s.benefit_generosity,
        s.followup_months,
      ]
        .map(csvField)
        .join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
