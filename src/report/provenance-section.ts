/**
 * The report's last section, its provenance (CONSORT 2025 item 4 asks where the data and
 * code can be had): the SHA-256 fingerprints of the delivered files, the plan and the
 * allocation list; the seeds and the random generator; the tool, runtime and package
 * versions; whether the allocation was verified; the day of the run; and the plan's
 * statement of where the de-identified data and the analysis code can be obtained.
 */
import type { VerifyResult } from '../design/verify.ts';
import { FILES } from '../io/contract.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { html, type SafeHtml } from './escape.ts';
import type { ReportProvenance } from './provenance.ts';
import { formatInteger, text, type Lang, type TextKey } from './texts.ts';

const DASH = '–';

/** What each delivered file holds, by its contract name. */
const FILE_ROLE: Readonly<Record<string, TextKey>> = {
  [FILES.participants]: 'provenance_file_participants',
  [FILES.employment]: 'provenance_file_employment',
  [FILES.questionnaires]: 'provenance_file_questionnaires',
  'evidence.csv': 'provenance_file_evidence',
  'fidelity.csv': 'provenance_file_fidelity',
};

// BCP 47 tags for Intl, as texts.ts uses them for numbers.
const DATE_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/**
 * A day (YYYY-MM-DD) written out for a reader of `lang`. Throws on anything else, so a
 * malformed date never reaches the page.
 * @example formatDay('2026-11-23', 'nb') // '23. november 2026'
 * @example formatDay('2026-11-23', 'en') // '23 November 2026'
 */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`formatDay: ${day} is not a calendar date written YYYY-MM-DD`);
  }
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The provenance section. */
export function provenanceSection(provenance: ReportProvenance, plan: AnalysisPlan, verify: VerifyResult, version: string, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const sharing = plan.data_sharing?.[lang] ?? null;
  return html`<section aria-labelledby="provenance">
<h2 id="provenance">${t('provenance_heading')}</h2>
<p>${t('provenance_intro')}</p>
${filesTable(provenance, verify, lang)}
<dl class="facts">
${facts(provenance, plan, verify, version, lang).map(([term, description]) => html`<dt>${term}</dt><dd>${description}</dd>\n`)}</dl>
<h3 id="data-sharing">${t('provenance_sharing_heading')}</h3>
<p>${sharing ?? t('provenance_sharing_none')}</p>
</section>
`;
}

/** One row per file the analysis read: the delivered files, the plan, and the allocation list. */
function filesTable(provenance: ReportProvenance, verify: VerifyResult, lang: Lang): SafeHtml {
  const t = (key: TextKey) => text(lang, key);
  const list = verify.randomization.verification.list;
  // What the file holds and its size go under its name, so the fingerprint keeps the room on a narrow screen.
  const row = (file: string, role: string | null, bytes: number | null, sha256: string) => {
    const about = [role, bytes === null ? null : text(lang, 'provenance_bytes', { bytes: formatInteger(bytes, lang) })].filter((x): x is string => x !== null).join(', ');
    return html`<tr><th scope="row"><code>${file}</code>${about ? html`<br><small>${about}</small>` : null}</th><td><code class="hash">${sha256}</code></td></tr>\n`;
  };
  const rows = [
    ...provenance.inputs.map((f) => row(f.file, FILE_ROLE[f.file] ? t(FILE_ROLE[f.file]!) : null, f.bytes, f.sha256)),
    row(provenance.plan.file, t('provenance_file_plan'), null, provenance.plan.sha256),
    // The verify stage records the list's hash, not its size; the plan's size is not recorded either.
    list ? row(list.file, t(list.source === 'seed' ? 'provenance_file_allocation_seed' : 'provenance_file_allocation'), null, list.sha256) : null,
  ];
  return html`<table class="provenance">
<caption>${t('provenance_files_caption')}</caption>
<thead><tr><th scope="col">${t('file_col')}</th><th scope="col">${t('provenance_hash_col')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
${list ? null : html`<p>${t('provenance_no_allocation')}</p>\n`}`;
}

/** Seeds, generator, versions, the allocation check and the day, as term and description. */
function facts(provenance: ReportProvenance, plan: AnalysisPlan, verify: VerifyResult, version: string, lang: Lang): [string, SafeHtml][] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const rng = provenance.random_generator;
  const v = verify.randomization.verification;
  const check =
    v.status === 'verified'
      ? t('provenance_verified')
      : v.status === 'no_list'
        ? t('provenance_no_list')
        : t('provenance_failed', { count: formatInteger(v.problems_total, lang), section: t('data_quality_heading') });
  const packages = Object.entries(provenance.packages)
    .map(([name, v]) => `${name} ${v}`)
    .join(', ');
  const allocationSeed = plan.randomization.seed;
  return [
    [t('provenance_seed_term'), html`${t('provenance_seed', { seed: String(plan.seed) })}`],
    ...(allocationSeed === null ? [] : [[t('provenance_allocation_seed_term'), html`<code>${allocationSeed}</code>`] as [string, SafeHtml]]),
    [
      t('provenance_generator_term'),
      html`${t('provenance_generator', { generator: rng.generator, package: rng.package, version: rng.package_version, algorithm: String(rng.algorithm_version) })}`,
    ],
    [t('provenance_software_term'), html`${t('provenance_software', { version, node: provenance.node_version.replace(/^v/, '') })}`],
    [t('provenance_packages_term'), html`${packages || DASH}`],
    [t('provenance_verification_term'), html`${check}`],
    [t('provenance_date_term'), html`<time datetime="${provenance.run_date}">${formatDay(provenance.run_date, lang)}</time>`],
  ];
}
