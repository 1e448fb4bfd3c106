/**
 * Every word the report shows, one table per language, plus locale number formatting.
 * Keeping the wording here (like vega-lite's `log/message.ts`) lets a translator or a
 * reviewer from the directorate read and change the report's language in one place.
 *
 * Placeholders are `{name}` and are filled by `text()`; the filled string is still plain
 * text and is escaped when it reaches HTML.
 */
import type { Dialect } from '../io/dataset.ts';

/** Report languages: Norwegian Bokmål (the default) and English. */
export type Lang = 'nb' | 'en';

/** The languages in the order a language switcher should list them. */
export const LANGS: readonly Lang[] = ['nb', 'en'];

const nb = {
  report_title: 'Analyserapport for {trial}',
  report_intro: 'Denne rapporten er laget automatisk fra dataene som ble levert, etter den forhåndsregistrerte analyseplanen.',
  registration: 'Registrering: {registration}',

  data_received_heading: 'Mottatte data',
  counts_note:
    'Tallene i denne delen er antall personer som ble randomisert, det vil si trukket ut ved loddtrekning til én av de to gruppene i forsøket.',

  arms_heading: 'Deltakere per gruppe',
  arm_label: 'Gruppe',
  arm_control: '{arm} (kontrollgruppe)',
  site_label: 'Forsøkssted',
  count_label: 'Antall',
  randomized_label: 'Randomisert',
  withdrawn_label: 'Trakk samtykket',
  total_label: 'Totalt',

  chart_participants_by_site_title: 'Randomiserte deltakere per forsøkssted og gruppe',
  chart_participants_by_site_description:
    'Liggende stolper viser hvor mange deltakere som ble randomisert til hver gruppe på hvert forsøkssted.',
  chart_show_table: 'Vis tallene som tabell',

  files_heading: 'Filer som ble lest',
  file_col: 'Fil',
  rows_col: 'Rader',
  encoding_col: 'Tegnkoding',
  delimiter_col: 'Skilletegn',
  decimal_col: 'Desimaltegn',
  line_endings_col: 'Linjeskift',
  bom_col: 'BOM (byte-rekkefølgemerke)',

  encoding_utf8: 'UTF-8',
  encoding_windows1252: 'Windows-1252',
  delimiter_comma: 'komma (,)',
  delimiter_semicolon: 'semikolon (;)',
  delimiter_tab: 'tabulator',
  decimal_point: 'punktum (.)',
  decimal_comma: 'komma (,)',
  line_ending_lf: 'LF (Linux, macOS)',
  line_ending_crlf: 'CRLF (Windows)',
  line_ending_cr: 'CR (eldre Mac)',
  line_ending_none: 'ingen (bare én linje)',
  yes: 'ja',
  no: 'nei',

  warnings_heading: 'Advarsler',
  no_warnings: 'Ingen advarsler.',
  warn_ignored_column: '{file}: kolonnen «{column}» er ikke del av datakontrakten og ble ikke brukt.',
  warn_no_registry: '{count} deltakere som skal analyseres, har ingen registerdata i det hele tatt.',
  warn_registry_gaps: '{count} deltakere som skal analyseres, mangler registerdata for noen måneder (ukjent, ikke «ikke i arbeid»).',
  warn_withdrawn_with_data: '{count} deltakere som har trukket samtykket, har register- eller spørreskjemadata; disse dataene analyseres ikke.',

  footer: 'Laget av ips-rct versjon {version}.',
} as const satisfies Record<string, string>;

/** A key of the texts table; the Bokmål table defines the set. */
export type TextKey = keyof typeof nb;

// Typed against the Bokmål keys: a missing or an extra key here is a compile error.
const en: Record<TextKey, string> = {
  report_title: 'Analysis report for {trial}',
  report_intro: 'This report was generated automatically from the delivered data, following the pre-registered analysis plan.',
  registration: 'Registration: {registration}',

  data_received_heading: 'Data received',
  counts_note:
    'The numbers in this section are counts of people who were randomized, that is, assigned by lot to one of the two groups in the trial.',

  arms_heading: 'Participants per arm',
  arm_label: 'Arm',
  arm_control: '{arm} (control)',
  site_label: 'Site',
  count_label: 'Count',
  randomized_label: 'Randomized',
  withdrawn_label: 'Withdrew consent',
  total_label: 'Total',

  chart_participants_by_site_title: 'Randomized participants by site and arm',
  chart_participants_by_site_description: 'Horizontal bars show how many participants were randomized to each arm at each site.',
  chart_show_table: 'Show the numbers as a table',

  files_heading: 'Files read',
  file_col: 'File',
  rows_col: 'Rows',
  encoding_col: 'Encoding',
  delimiter_col: 'Delimiter',
  decimal_col: 'Decimal mark',
  line_endings_col: 'Line endings',
  bom_col: 'BOM (byte order mark)',

  encoding_utf8: 'UTF-8',
  encoding_windows1252: 'Windows-1252',
  delimiter_comma: 'comma (,)',
  delimiter_semicolon: 'semicolon (;)',
  delimiter_tab: 'tab',
  decimal_point: 'full stop (.)',
  decimal_comma: 'comma (,)',
  line_ending_lf: 'LF (Linux, macOS)',
  line_ending_crlf: 'CRLF (Windows)',
  line_ending_cr: 'CR (classic Mac)',
  line_ending_none: 'none (a single line)',
  yes: 'yes',
  no: 'no',

  warnings_heading: 'Warnings',
  no_warnings: 'No warnings.',
  warn_ignored_column: '{file}: the column “{column}” is not part of the data contract and was not used.',
  warn_no_registry: '{count} participants to be analysed have no registry data at all.',
  warn_registry_gaps: '{count} participants to be analysed lack registry data for some months (unknown, not “not employed”).',
  warn_withdrawn_with_data: '{count} participants who withdrew consent have registry or questionnaire data; these data are not analysed.',

  footer: 'Generated by ips-rct version {version}.',
};

/** The texts tables, one per language, with identical keys. */
export const texts: Readonly<Record<Lang, Readonly<Record<TextKey, string>>>> = { nb, en };

/**
 * The text for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * Throws on a placeholder without a value, so a half-filled sentence never reaches a reader.
 * @example text('en', 'footer', { version: '0.1.0' }) // 'Generated by ips-rct version 0.1.0.'
 */
export function text(lang: Lang, key: TextKey, params: Readonly<Record<string, string>> = {}): string {
  return texts[lang][key].replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Text "${key}" (${lang}) needs a value for {${name}}`);
    return value;
  });
}

/** Text keys for each dialect value the ingest can report; exhaustive by type. */
export const dialectText: {
  readonly encoding: Readonly<Record<Dialect['encoding'], TextKey>>;
  readonly delimiter: Readonly<Record<Dialect['delimiter'], TextKey>>;
  readonly decimal: Readonly<Record<Dialect['decimal'], TextKey>>;
  readonly line_ending: Readonly<Record<Dialect['line_ending'], TextKey>>;
  readonly bom: Readonly<Record<'true' | 'false', TextKey>>;
} = {
  encoding: { 'utf-8': 'encoding_utf8', 'windows-1252': 'encoding_windows1252' },
  delimiter: { ',': 'delimiter_comma', ';': 'delimiter_semicolon', '\t': 'delimiter_tab' },
  decimal: { '.': 'decimal_point', ',': 'decimal_comma' },
  line_ending: { LF: 'line_ending_lf', CRLF: 'line_ending_crlf', CR: 'line_ending_cr', none: 'line_ending_none' },
  bom: { true: 'yes', false: 'no' },
};

// BCP 47 tags for Intl: 'nb-NO' groups thousands with U+00A0 (no-break space), 'en-GB' with a comma.
const INTL_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };
const integerFormats: Record<Lang, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat(INTL_LOCALE.nb, { maximumFractionDigits: 0, useGrouping: true }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 0, useGrouping: true }),
};

/**
 * An integer written for a reader of `lang`. Throws on a non-integer, because silently
 * rounding a count would hide a bug upstream.
 * @example formatInteger(1234567, 'nb') // '1\u00a0234\u00a0567'
 * @example formatInteger(1234567, 'en') // '1,234,567'
 */
export function formatInteger(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatInteger: ${n} is not a safe integer`);
  return integerFormats[lang].format(n);
}

/**
 * Vega number locales matching `formatInteger`, so axis labels in charts group digits the
 * same way as the report text (Vega does not use Intl; it needs the definition spelled out).
 */
export const vegaNumberLocale: Readonly<
  Record<Lang, { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; minus: string }>
> = {
  nb: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], minus: '\u2212' },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '-' },
};
