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

  and: 'og',
  or: 'eller',
  n_equals: '{label} (n = {n})',
  n_is: 'n = {n}',
  count_of: '{label}: {n}',

  unverified_alert_label: 'Advarsel',
  unverified_alert_failed:
    'Det kunne ikke bekreftes at deltakerne fikk den gruppen loddtrekningen ga dem. Kontrollen mot trekningslisten fant avvik, men analysen ble likevel kjørt. Les resultatene med forsiktighet. Antall avvik: {count}.',
  unverified_alert_no_list:
    'Det kunne ikke bekreftes at deltakerne fikk den gruppen loddtrekningen ga dem, fordi ingen trekningsliste ble levert. Analysen ble likevel kjørt. Les resultatene med forsiktighet.',
  unverified_alert_first: 'De første {shown} avvikene:',
  unverified_alert_all: 'Avvikene:',
  unverified_alert_more: 'Flere avvik står i delen «Randomisering».',

  problem_arm_mismatch: '{site}, trekningsnummer {no}: registrert gruppe {recorded}, men listen sier {listed}.',
  problem_reused: '{site}, trekningsnummer {no}: brukt {times} ganger.',
  problem_gap: '{site}, trekningsnummer {no}: hoppet over (ikke brukt, men senere numre er brukt).',
  problem_not_in_list: '{site}, trekningsnummer {no}: finnes ikke i trekningslisten.',
  problem_no_allocation_no: '{site}: {count} deltakere mangler trekningsnummer.',
  problem_commitment_mismatch:
    'Trekningslistens fingeravtrykk (SHA-256) er {actual}, men det offentliggjorte er {expected}: listen er ikke den som ble bestemt på forhånd.',
  problem_differs_from_seed: '{site}, trekningsnummer {no}: listen sier {listed}, men listen laget på nytt fra startverdien sier {regenerated}.',
  problem_no_slot: 'ingen plass',
  problem_list_missing:
    'Planen oppgir et offentliggjort fingeravtrykk eller en startverdi (seed) for trekningslisten, men ingen liste ble levert, og den kunne ikke lages på nytt. Derfor kunne gruppene ikke kontrolleres.',
  problem_bad_block: '{site}, blokk {block}: følger ikke oppsettet i planen ({reason}).',
  block_reason_size: 'størrelsen er ikke en av blokkstørrelsene i planen',
  block_reason_length: 'den har et annet antall plasser enn størrelsen sin',
  block_reason_ratio: 'gruppene i blokken er ikke i planlagt forhold',
  block_reason_numbering: 'blokknumrene går ikke 1, 2, 3 … i trekningsrekkefølge',

  randomization_heading: 'Randomisering',
  randomization_intro:
    'Deltakerne ble fordelt til gruppene ved loddtrekning (randomisering). Da skyldes forskjeller mellom gruppene ved start bare tilfeldigheter, og forskjeller som kommer senere, kan tilskrives tiltaket.',
  design_stratified_site: 'Trekningen ble gjort hver for seg på hvert forsøkssted (stratifisert etter forsøkssted).',
  design_stratified_other: 'Trekningen ble gjort hver for seg for hver verdi av «{variable}» (stratifisert).',
  design_blocks:
    'Trekningslisten var delt i blokker på {sizes} personer. Hver blokk fordeler deltakerne i planlagt forhold, i tilfeldig rekkefølge (permuterte blokker). Slik holdes fordelingen nær planen hele veien.',
  design_simple:
    'Hver deltaker ble trukket uavhengig av de andre, med sannsynligheter etter planlagt forhold (enkel randomisering). Gruppene kan derfor bli noe ulike i størrelse.',
  design_ratio: 'Planlagt forhold mellom gruppene {arms}: {ratio}.',

  verification_heading: 'Kontroll av fordelingen',
  verification_verified: 'Gruppen til hver deltaker er kontrollert mot trekningslisten ({file}; plasser i listen: {slots}), og alle stemmer.',
  verification_failed: 'Gruppene er kontrollert mot trekningslisten ({file}; plasser i listen: {slots}). Kontrollen fant avvik. Antall avvik: {count}.',
  verification_failed_unlisted: 'Kontrollen av fordelingen fant avvik. Antall avvik: {count}.',
  verification_no_list: 'Ingen trekningsliste ble levert, så det kunne ikke kontrolleres at deltakerne fikk den gruppen loddtrekningen ga dem.',
  list_hash_label: 'Trekningslistens fingeravtrykk (SHA-256):',
  published_hash_label: 'Offentliggjort fingeravtrykk:',
  commitment_matches: 'Fingeravtrykket er det samme som ble offentliggjort før inklusjonen startet, så listen er ikke endret i ettertid.',
  commitment_differs: 'Fingeravtrykket er ikke det samme som ble offentliggjort før inklusjonen startet: listen er en annen enn den som ble bestemt på forhånd.',
  commitment_none: 'Planen oppgir ikke noe offentliggjort fingeravtrykk, så det kan ikke vises at listen er den som ble bestemt på forhånd.',
  seed_matches: 'Listen ble laget på nytt fra den offentliggjorte startverdien (seed) og er lik den leverte.',
  seed_differs: 'Listen ble laget på nytt fra startverdien (seed), men er ikke lik den leverte.',
  seed_none: 'Startverdien (seed) er ikke offentliggjort ennå, så listen kunne ikke lages på nytt til kontroll.',
  seed_source: 'Ingen listefil ble levert. Listen ble derfor laget på nytt fra den offentliggjorte startverdien (seed) og forsøksstedene i planen, og gruppene er kontrollert mot den.',
  problems_summary: 'Vis avvikene ({shown} av {total})',

  arm_counts_caption: 'Fordeling til gruppene per forsøkssted',
  ratio_test: '{count} av {n} deltakere ({observed}) ble trukket til {arm}. Planlagt forhold {ratio} tilsier {expected}.',
  ratio_chance_about: 'En fordeling minst så skjev som dette oppstår ved tilfeldighet i omtrent {k} av {total} forsøk ({test}).',
  ratio_chance_below: 'En fordeling minst så skjev som dette oppstår ved tilfeldighet i færre enn 1 av {total} forsøk ({test}).',
  ratio_chance_always: 'En fordeling minst så skjev som dette oppstår ved tilfeldighet nesten hver gang ({test}).',
  ratio_test_name: 'eksakt binomialtest, {p}',

  consort_heading: 'Deltakernes vei gjennom forsøket',
  consort_intro:
    'Figuren følger deltakerne fra loddtrekningen til analysen, med én kolonne for hver gruppe (et CONSORT-flytdiagram). n er antall personer.',
  chart_consort_title: 'Deltakernes vei gjennom forsøket (CONSORT)',
  chart_consort_description:
    'Flytdiagram med én kolonne per gruppe: hvor mange som ble randomisert, trakk samtykket, ble fulgt opp i registeret og med spørreskjema, og ble analysert. De samme tallene står i tabellen under figuren.',
  consort_assessed: 'Vurdert for deltakelse',
  consort_excluded: 'Ikke inkludert',
  consort_excluded_reason: '• {reason}: {n}',
  consort_randomized: 'Randomisert',
  consort_allocated: 'Trukket til {arm}',
  consort_role_control: 'Kontrollgruppe',
  consort_role_intervention: 'Tiltaksgruppe',
  consort_withdrawn: 'Trakk samtykket',
  consort_withdrawn_note: 'Dataene deres analyseres ikke',
  consort_registry: 'Registerdata om arbeid',
  consort_questionnaires: 'Svarte på spørreskjema',
  consort_month: 'Måned {month}',
  consort_baseline_wave: 'Ved start',
  consort_analysed: 'Analysert',
  consort_primary: 'Hovedutfall:',
  consort_secondary: 'Andre utfall:',
  consort_step_col: 'Trinn',
  consort_row_registry: 'Registerdata, måned {month}',
  consort_row_questionnaire: 'Spørreskjema, måned {month}',
  consort_row_questionnaire_baseline: 'Spørreskjema, ved start',
  consort_row_analysed: 'Analysert: {outcome}',
  consort_row_analysed_primary: 'Analysert: {outcome} (hovedutfall)',
  outcome_employment: 'Arbeid, måned {month}',
  outcome_measure: '{measure}, måned {month}',

  baseline_heading: 'Deltakerne ved start (tabell 1)',
  baseline_intro: 'Tabellen beskriver de {n} deltakerne som ble randomisert og ikke trakk samtykket, slik de var da de ble med i forsøket.',
  baseline_variable_col: 'Kjennetegn',
  baseline_smd_col: 'Standardisert forskjell',
  baseline_mean_sd: 'Gjennomsnitt (SD)',
  baseline_median_iqr: 'Median [midtre halvdel]',
  baseline_missing: 'Mangler',
  baseline_suppressed_summary: 'skjult (færre enn {t})',
  baseline_hidden: 'skjult',
  baseline_suppressed_note:
    'skjult: tallet vises ikke fordi det gjelder færre enn {t} personer, eller fordi et så lite tall ellers kunne regnes ut fra de andre tallene i kolonnen. Slik kan ingen kjennes igjen.',
  baseline_summary_suppressed_note:
    'skjult (færre enn {t}): gjennomsnitt, SD, median og kvartiler vises ikke for en gruppe der færre enn {t} personer har en verdi, fordi disse tallene til sammen kan avsløre hver enkelt persons verdi.',
  smd_suppressed_note:
    'skjult i kolonnen «Standardisert forskjell»: forskjellen vises ikke når noen av tallene for kjennetegnet er skjult, fordi de skjulte tallene ellers kunne regnes ut fra den.',
  baseline_median_note: 'Midtre halvdel: halvparten av deltakerne har en verdi mellom de to tallene i hakeparentesen (nedre og øvre kvartil).',
  baseline_sd_note: 'SD (standardavvik): hvor mye verdiene typisk avviker fra gjennomsnittet.',
  smd_flag: '⚠ ubalanse',
  smd_flag_note: '⚠ ubalanse: forskjellen er større enn {threshold}, eller gruppene har ingen verdier felles.',
  smd_infinite_note: '∞: gruppene har ingen verdier felles, så forskjellen kan ikke angis som et tall.',
  smd_no_data_note: '–: for få data i en av gruppene til å regne ut forskjellen.',
  smd_explained:
    'Standardisert forskjell viser hvor ulike gruppene var ved start, på samme skala for alle kjennetegn: 0 betyr ingen forskjell. Forskjeller over {threshold} er verdt å se nærmere på, fordi de kan påvirke sammenligningen av gruppene. Tallet er ikke en signifikanstest: ved loddtrekning skyldes alle forskjeller ved start tilfeldigheter, og CONSORT-retningslinjene fraråder å teste dem.',
  smd_sign_note: 'For tall som alder betyr en positiv forskjell høyere gjennomsnitt i {treatment} enn i {control}. For kjennetegn med kategorier er forskjellen alltid positiv.',

  var_site: 'forsøkssted',
  var_age: 'Alder (år)',
  var_sex: 'Kjønn',
  var_diagnosis: 'Diagnose',
  var_education: 'Utdanning',
  var_worked_last_5y: 'Lønnet arbeid siste 5 år',
  level_sex_f: 'Kvinne',
  level_sex_m: 'Mann',
  level_diagnosis_depression: 'Depresjon',
  level_diagnosis_anxiety: 'Angst',
  level_diagnosis_bipolar: 'Bipolar lidelse',
  level_diagnosis_psychosis: 'Psykose',
  level_diagnosis_other: 'Annen diagnose',
  level_education_primary: 'Grunnskole',
  level_education_secondary: 'Videregående skole',
  level_education_higher: 'Høyere utdanning',
  level_yes: 'Ja',
  level_no: 'Nei',

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

  and: 'and',
  or: 'or',
  n_equals: '{label} (n = {n})',
  n_is: 'n = {n}',
  count_of: '{label}: {n}',

  unverified_alert_label: 'Warning',
  unverified_alert_failed:
    'It could not be confirmed that participants got the arm the randomization gave them. The check against the allocation list found problems, but the analysis was run anyway. Read the results with caution. Number of problems: {count}.',
  unverified_alert_no_list:
    'It could not be confirmed that participants got the arm the randomization gave them, because no allocation list was supplied. The analysis was run anyway. Read the results with caution.',
  unverified_alert_first: 'The first {shown} problems:',
  unverified_alert_all: 'The problems:',
  unverified_alert_more: 'More problems are listed in the section “Randomization”.',

  problem_arm_mismatch: '{site}, allocation no. {no}: recorded arm {recorded}, but the list says {listed}.',
  problem_reused: '{site}, allocation no. {no}: used {times} times.',
  problem_gap: '{site}, allocation no. {no}: skipped (not used, although later numbers are).',
  problem_not_in_list: '{site}, allocation no. {no}: not in the allocation list.',
  problem_no_allocation_no: '{site}: {count} participants have no allocation number.',
  problem_commitment_mismatch:
    'The fingerprint (SHA-256) of the allocation list is {actual}, but the published one is {expected}: the list is not the one fixed in advance.',
  problem_differs_from_seed: '{site}, allocation no. {no}: the list says {listed}, but the list regenerated from the seed says {regenerated}.',
  problem_no_slot: 'no slot',
  problem_list_missing:
    'The plan names a published hash or seed for the allocation list, but no list was supplied and it could not be regenerated, so the arms could not be checked.',
  problem_bad_block: '{site}, block {block}: does not follow the design ({reason}).',
  block_reason_size: 'its size is not one of the plan’s block sizes',
  block_reason_length: 'it holds a different number of slots than its size',
  block_reason_ratio: 'its arms are not in the plan’s ratio',
  block_reason_numbering: 'block numbers do not run 1, 2, 3 … in allocation order',

  randomization_heading: 'Randomization',
  randomization_intro:
    'Participants were assigned to the arms by lot (randomization). Differences between the arms at the start are then due to chance alone, and differences that appear later can be attributed to the intervention.',
  design_stratified_site: 'The draw was made separately at each site (stratified by site).',
  design_stratified_other: 'The draw was made separately for each value of “{variable}” (stratified).',
  design_blocks:
    'The allocation list was divided into blocks of {sizes} people. Each block splits its participants in the planned ratio, in random order (permuted blocks). This keeps the allocation close to plan all the way through.',
  design_simple:
    'Each participant was drawn independently of the others, with probabilities following the planned ratio (simple randomization). The arms may therefore differ somewhat in size.',
  design_ratio: 'Planned ratio between the arms {arms}: {ratio}.',

  verification_heading: 'Checking the allocation',
  verification_verified: 'Each participant’s arm was checked against the allocation list ({file}; slots in the list: {slots}), and all match.',
  verification_failed: 'The arms were checked against the allocation list ({file}; slots in the list: {slots}). The check found problems. Number of problems: {count}.',
  verification_failed_unlisted: 'The check of the allocation found problems. Number of problems: {count}.',
  verification_no_list: 'No allocation list was supplied, so it could not be checked that participants got the arm the randomization gave them.',
  list_hash_label: 'Fingerprint (SHA-256) of the allocation list:',
  published_hash_label: 'Published fingerprint:',
  commitment_matches: 'It is the same as the one published before enrolment began, so the list has not been changed since.',
  commitment_differs: 'It is not the one published before enrolment began: the list differs from the one fixed in advance.',
  commitment_none: 'The plan gives no published fingerprint, so it cannot be shown that the list is the one fixed in advance.',
  seed_matches: 'The list was regenerated from the published seed and is identical to the one supplied.',
  seed_differs: 'The list was regenerated from the seed, but it differs from the one supplied.',
  seed_none: 'The seed has not been published yet, so the list could not be regenerated as a check.',
  seed_source: 'No list file was supplied, so the list was regenerated from the published seed and the sites in the plan, and the arms were checked against it.',
  problems_summary: 'Show the problems ({shown} of {total})',

  arm_counts_caption: 'Allocation to the arms by site',
  ratio_test: '{count} of {n} participants ({observed}) were allocated {arm}. The planned ratio {ratio} implies {expected}.',
  ratio_chance_about: 'A split at least this uneven happens by chance in about {k} of {total} trials ({test}).',
  ratio_chance_below: 'A split at least this uneven happens by chance in fewer than 1 of {total} trials ({test}).',
  ratio_chance_always: 'A split at least this uneven happens by chance nearly every time ({test}).',
  ratio_test_name: 'exact binomial test, {p}',

  consort_heading: 'Participant flow',
  consort_intro:
    'The figure follows the participants from randomization to analysis, with one column per arm (a CONSORT flow diagram). n is the number of people.',
  chart_consort_title: 'Participant flow through the trial (CONSORT)',
  chart_consort_description:
    'Flow diagram with one column per arm: how many were randomized, withdrew consent, were followed up in the registry and by questionnaire, and were analysed. The same numbers are in the table below the figure.',
  consort_assessed: 'Assessed for eligibility',
  consort_excluded: 'Excluded',
  consort_excluded_reason: '• {reason}: {n}',
  consort_randomized: 'Randomized',
  consort_allocated: 'Allocated to {arm}',
  consort_role_control: 'Control arm',
  consort_role_intervention: 'Intervention arm',
  consort_withdrawn: 'Withdrew consent',
  consort_withdrawn_note: 'Their data are not analysed',
  consort_registry: 'Registry data on employment',
  consort_questionnaires: 'Answered the questionnaire',
  consort_month: 'Month {month}',
  consort_baseline_wave: 'At baseline',
  consort_analysed: 'Analysed',
  consort_primary: 'Primary outcome:',
  consort_secondary: 'Secondary outcomes:',
  consort_step_col: 'Step',
  consort_row_registry: 'Registry data, month {month}',
  consort_row_questionnaire: 'Questionnaire, month {month}',
  consort_row_questionnaire_baseline: 'Questionnaire, at baseline',
  consort_row_analysed: 'Analysed: {outcome}',
  consort_row_analysed_primary: 'Analysed: {outcome} (primary outcome)',
  outcome_employment: 'Employment, month {month}',
  outcome_measure: '{measure}, month {month}',

  baseline_heading: 'Participants at baseline (Table 1)',
  baseline_intro: 'The table describes the {n} participants who were randomized and did not withdraw consent, as they were when they joined the trial.',
  baseline_variable_col: 'Characteristic',
  baseline_smd_col: 'Standardized difference',
  baseline_mean_sd: 'Mean (SD)',
  baseline_median_iqr: 'Median [middle half]',
  baseline_missing: 'Missing',
  baseline_suppressed_summary: 'hidden (fewer than {t})',
  baseline_hidden: 'hidden',
  baseline_suppressed_note:
    'hidden: the number is not shown because it concerns fewer than {t} people, or because such a small number could otherwise be worked out from the other numbers in the column. This way no one can be recognized.',
  baseline_summary_suppressed_note:
    'hidden (fewer than {t}): mean, SD, median and quartiles are not shown for an arm in which fewer than {t} people have a value, because together these numbers can reveal each person’s value.',
  smd_suppressed_note:
    'hidden in the column “Standardized difference”: the difference is not shown when any number for the characteristic is hidden, because the hidden numbers could otherwise be worked out from it.',
  baseline_median_note: 'Middle half: half of the participants have a value between the two numbers in brackets (lower and upper quartile).',
  baseline_sd_note: 'SD (standard deviation): how far values typically lie from the mean.',
  smd_flag: '⚠ imbalanced',
  smd_flag_note: '⚠ imbalanced: the difference is larger than {threshold}, or the arms share no values at all.',
  smd_infinite_note: '∞: the arms share no values, so the difference cannot be given as a number.',
  smd_no_data_note: '–: too few data in one of the arms to compute the difference.',
  smd_explained:
    'The standardized difference shows how different the arms were at the start, on the same scale for every characteristic: 0 means no difference. Differences above {threshold} are worth a closer look, because they can affect the comparison of the arms. It is not a significance test: with randomization every difference at the start is due to chance, and the CONSORT guidelines advise against testing them.',
  smd_sign_note: 'For numbers such as age, a positive difference means a higher mean in {treatment} than in {control}. For characteristics with categories the difference is always positive.',

  var_site: 'site',
  var_age: 'Age (years)',
  var_sex: 'Sex',
  var_diagnosis: 'Diagnosis',
  var_education: 'Education',
  var_worked_last_5y: 'Paid work in the last 5 years',
  level_sex_f: 'Female',
  level_sex_m: 'Male',
  level_diagnosis_depression: 'Depression',
  level_diagnosis_anxiety: 'Anxiety',
  level_diagnosis_bipolar: 'Bipolar disorder',
  level_diagnosis_psychosis: 'Psychosis',
  level_diagnosis_other: 'Other diagnosis',
  level_education_primary: 'Primary school',
  level_education_secondary: 'Upper secondary school',
  level_education_higher: 'Higher education',
  level_yes: 'Yes',
  level_no: 'No',

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

const decimalFormats = new Map<string, Intl.NumberFormat>();

/**
 * A decimal number written for a reader of `lang`, rounded to between `minDigits` and
 * `digits` decimals; a value that rounds to zero is written without a minus sign.
 * Throws on a non-finite number (infinity and NaN need words, not digits).
 * @example formatDecimal(-1234.567, 'nb', 2) // '\u22121\u00a0234,57'
 * @example formatDecimal(0.1, 'en', 2, 0) // '0.1'
 */
export function formatDecimal(x: number, lang: Lang, digits: number, minDigits: number = digits): string {
  if (!Number.isFinite(x)) throw new RangeError(`formatDecimal: ${x} is not a finite number`);
  const key = `${lang}:${digits}:${minDigits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: minDigits, maximumFractionDigits: digits, useGrouping: true });
    decimalFormats.set(key, format);
  }
  // '−0,00' would suggest a direction the number does not have.
  return format.format(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x);
}

// Norwegian writes a (no-break) space before the percent sign; English does not.
const PERCENT_SUFFIX: Record<Lang, string> = { nb: '\u00a0%', en: '%' };

/**
 * A fraction (0.559) written as a percentage for a reader of `lang`.
 * @example formatPercent(0.5585, 'nb') // '55,9\u00a0%'
 * @example formatPercent(0.5, 'en', 1, 0) // '50%'
 */
export function formatPercent(fraction: number, lang: Lang, digits = 1, minDigits: number = digits): string {
  return formatDecimal(fraction * 100, lang, digits, minDigits) + PERCENT_SUFFIX[lang];
}

/**
 * A p-value with three decimals, or "< 0,001" (no-break space) when smaller.
 * @example formatPValue(0.0202, 'nb') // '0,020'
 * @example formatPValue(0.00004, 'en') // '<\u00a00.001'
 */
export function formatPValue(p: number, lang: Lang): string {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`formatPValue: ${p} is not a probability`);
  return p < 0.001 ? `<\u00a0${formatDecimal(0.001, lang, 3)}` : formatDecimal(p, lang, 3);
}

/**
 * "p = 0,020" or "p < 0,001", as a result is usually quoted.
 * @example formatPStatement(0.0202, 'en') // 'p = 0.020'
 */
export function formatPStatement(p: number, lang: Lang): string {
  const value = formatPValue(p, lang);
  return value.startsWith('<') ? `p ${value}` : `p = ${value}`;
}

/**
 * A list in running text: "2, 4 eller 6", "IPS and TVR".
 * @example joinList(['2', '4', '6'], 'nb', 'or') // '2, 4 eller 6'
 */
export function joinList(items: readonly string[], lang: Lang, conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${text(lang, conjunction)} ${items[items.length - 1]!}`;
}
