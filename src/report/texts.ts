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
  unverified_alert_more: 'Flere avvik står under «Kontroll av fordelingen» i delen «Datakvalitet og kontroll».',

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
  baseline_summary_suppressed_note:
    ': i radene for gjennomsnitt og median: gjennomsnitt, SD, median og kvartiler vises ikke for en gruppe der færre enn {t} personer har en verdi, fordi disse tallene til sammen kan avsløre hver enkelt persons verdi.',
  smd_suppressed_note:
    ': i kolonnen «Standardisert forskjell»: forskjellen vises ikke når noen av tallene for kjennetegnet er skjult, fordi de skjulte tallene ellers kunne regnes ut fra den.',

  disclosure_flow:
    'Antallet deltakere i hvert trinn av forsøket (randomisert, trakk samtykket, fulgt opp og analysert, per gruppe og tidspunkt) vises alltid i sin helhet, slik retningslinjene for rapportering av forsøk (CONSORT) krever. Disse tallene sier ikke noe om hvem som har et bestemt kjennetegn eller resultat.',
  disclosure_estimates:
    'Er antallet i arbeid skjult for en gruppe på et tidspunkt, skjules også forskjellen, risikoratioen og oddsratioen uten justering, p-verdien og beste og verste tilfelle for det tidspunktet, fordi de regnes rett ut fra antallene og ville avsløre dem. De justerte resultatene, randomiseringstesten og hasardratioen vises, fordi de kommer fra modeller og ikke kan regnes tilbake til antallene. Et gjennomsnitt vises ikke når det bygger på færre enn {t} personer (i tabell 1 og for spørreskjemaene færre enn {summary}).',
  disclosure_time_to_job:
    'I tabellen over tid til første jobb er måneder slått sammen der det trengs, slik at hver rad har enten ingen eller minst {t} som fikk jobb, og enten ingen eller minst {t} som sluttet å bli fulgt. Tabellen og kurven slutter før færre enn {t} er igjen uten jobb. Andelen som har hatt jobb ved slutten av hver rad, er den samme som uten sammenslåing.',
  disclosure_internal:
    'Filen results.json, som følger med rapporten, er til intern bruk i analysen og har de nøyaktige tallene (tabell 1, undergruppene og spørreskjemaene følger regelen også der). Den skal ikke offentliggjøres. Rapporten har ingen opplysninger om enkeltpersoner og ingen deltakernumre.',
  disclosure_footnote:
    ': tallet vises ikke, fordi det gjelder færre enn {t} personer, eller fordi et så lite tall ellers kunne regnes ut fra det (for eksempel ved å trekke de andre tallene fra summen). Slik kan ingen kjennes igjen.',
  disclosure_km_merged:
    'Rader med flere måneder (for eksempel «3–5»): månedene er slått sammen, slik at ingen rad viser færre enn {t} som fikk jobb eller sluttet å bli fulgt. Andelen gjelder slutten av raden.',
  disclosure_km_truncated: 'Tabellen og kurven slutter før færre enn {t} var igjen uten jobb og fortsatt ble fulgt.',
  key_result_hidden:
    'Andelen i arbeid i måned {month} vises ikke her, fordi den gjelder for få personer i minst én av gruppene (se regelen om små tall).',
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

  var_age_group: 'Aldersgruppe',
  level_age_under: 'Under {age} år',
  level_age_from: '{age} år eller eldre',
  level_age_range: '{low}–{high} år',

  key_result_heading: 'Hovedresultatet',
  key_result_rates_in_month: 'Etter {month} måneder var {rate_t} i {arm_t}-gruppen i arbeid, mot {rate_c} i {arm_c}-gruppen',
  key_result_rates_to_month: 'I løpet av de første {month} månedene hadde {rate_t} i {arm_t}-gruppen vært i arbeid, mot {rate_c} i {arm_c}-gruppen',
  key_result_more: '{rates}: {pp} prosentpoeng flere ({ci}).',
  key_result_fewer: '{rates}: {pp} prosentpoeng færre (forskjell {difference}, {ci}).',
  key_result_same: '{rates}: ingen forskjell ({ci}).',
  key_result_not_estimable: '{rates}. Forskjellen mellom gruppene kan ikke beregnes: {reason}.',
  key_result_not_estimable_plain: '{rates}. Forskjellen mellom gruppene kan ikke beregnes.',
  key_result_no_data: 'Hovedresultatet kan ikke vises: minst én av gruppene har ingen deltakere med kjent utfall i måned {month}.',
  key_result_ci: '{level} KI {low} til {high}',
  key_result_ci_explained: 'KI står for konfidensintervall: de forskjellene som stemmer godt med dataene.',
  key_result_ci_above: 'Hele intervallet ligger over 0, så resultatet tyder på at flere kommer i arbeid med {arm_t} enn med {arm_c}.',
  key_result_ci_below: 'Hele intervallet ligger under 0, så resultatet tyder på at færre kommer i arbeid med {arm_t} enn med {arm_c}.',
  key_result_ci_spans: 'Intervallet omfatter både færre og flere i arbeid, så dataene viser ikke sikkert om {arm_t} gir flere eller færre i arbeid enn {arm_c}.',
  key_result_details: 'Alle tallene står i delen «Arbeid» lenger ned.',

  employment_heading: 'Arbeid',
  employment_intro:
    'Her sammenlignes andelen i arbeid i de to gruppene, ifølge registerdata. Bare deltakere med registerdata for måneden er med i beregningene (de analyserte); de som mangler data, er talt opp for seg.',
  employment_definition_in_month: '«I arbeid» betyr registrert i arbeid i den aktuelle måneden.',
  employment_definition_to_month: '«I arbeid» betyr registrert i arbeid minst én gang fra randomiseringen til og med den aktuelle måneden.',
  employment_direction:
    'Alle forskjeller er {arm_t} minus {arm_c}: et positivt tall betyr flere i arbeid i {arm_t}-gruppen. Alle forholdstall (relativ risiko, oddsratio og hasardratio) er {arm_t} delt på {arm_c}: 1 betyr ingen forskjell, over 1 betyr mer eller raskere arbeid i {arm_t}-gruppen.',
  employment_table_heading: 'Andel i arbeid ved hvert tidspunkt',
  work_earnings_heading: 'Måneder i arbeid og samlet inntekt',
  work_earnings_intro:
    'Blant deltakerne som har registerdata for alle månedene {first}–{last}: hvor mange måneder de var i arbeid, og hvor mye de tjente til sammen (brutto), i gjennomsnitt. Forskjellen er {arm_t} minus {arm_c}, med {level} konfidensintervall (for inntekt fra gjentatt trekning i dataene, «bootstrap»).',
  work_earnings_measure_col: 'Mål',
  work_earnings_mean_col: '{arm}: gjennomsnitt (antall)',
  work_earnings_difference_col: 'Forskjell ({level} KI)',
  work_months_row: 'Måneder i arbeid',
  earnings_row: 'Samlet bruttoinntekt, kroner',
  employment_result_col: 'Resultat',
  employment_month_col: 'Måned {month}',
  employment_month_primary_col: 'Måned {month} (hovedutfall)',
  employment_employed_row: 'I arbeid, av analyserte',
  employment_rate_ci_row: '{level} KI for andelen',
  employment_missing_row: 'Mangler data (ikke analysert)',
  employment_difference_group: 'Forskjell mellom gruppene',
  employment_rd_row: 'Forskjell, prosentpoeng ({arm_t} minus {arm_c})',
  employment_rr_row: 'Relativ risiko ({arm_t} delt på {arm_c})',
  employment_or_row: 'Oddsratio ({arm_t} delt på {arm_c})',
  employment_p_row: 'p-verdi',
  employment_test_row: 'Test for p-verdien',
  employment_adjusted_group: 'Justert for {variables}',
  employment_aor_row: 'Justert oddsratio ({arm_t} delt på {arm_c})',
  employment_model_n_row: 'Deltakere i den justerte modellen',
  employment_ard_row: 'Justert forskjell, prosentpoeng ({arm_t} minus {arm_c})',
  employment_randomization_p_row: 'p-verdi fra randomiseringstest',
  employment_bounds_group: 'Hvor mye kan manglende data endre resultatet?',
  employment_worst_row: 'Verste tilfelle for {arm_t}: forskjell, prosentpoeng',
  employment_best_row: 'Beste tilfelle for {arm_t}: forskjell, prosentpoeng',
  count_of_n: '{count} av {n} ({percent})',
  x_of_n: '{count} av {n}',
  estimate_ci: '{estimate} ({low} til {high})',
  interval: '{low} til {high}',
  test_pearson_chi_square: 'Pearsons kjikvadrattest',
  test_fisher_exact: 'Fishers eksakte test',
  not_estimable: 'kan ikke beregnes',
  none_missing: 'ingen mangler',

  note_haldane: '0,5 er lagt til i hver av de fire cellene i krysstabellen (i arbeid eller ikke, per gruppe) fordi én av dem var 0; ellers kan forholdstallet ikke beregnes (Haldane–Anscombe-korreksjon).',
  note_correction_other: 'Korreksjon brukt: {correction}.',
  note_not_estimable: 'Kan ikke beregnes: {reason}.',
  reason_no_events: 'ingen var i arbeid i noen av gruppene',
  reason_all_events: 'alle var i arbeid i begge gruppene',
  reason_no_data: 'minst én av gruppene har ingen deltakere med data',
  reason_empty_arm: 'én av gruppene har ingen deltakere med data i denne undergruppen',
  reason_suppressed: 'tallene er skjult etter regelen om små tall (et av dem gjelder for få personer)',
  reason_arm_not_estimable: 'i modellen kan gruppene ikke skilles fra de andre kjennetegnene',
  reason_all_outcomes_equal: 'alle har samme utfall (alle eller ingen er i arbeid)',
  note_equal_outcomes_zero: 'Alle har samme utfall (alle eller ingen er i arbeid), så forskjellen er 0.',
  note_firth_standardized: 'Modellen bak tallet er beregnet med Firths metode, fordi den vanlige modellen ikke gir endelige tall for disse dataene.',
  note_interaction_one_level: 'Samspillet kan ikke testes: bare én undergruppe har data.',
  note_interaction_all_equal: 'Samspillet kan ikke testes: alle har samme utfall (alle eller ingen er i arbeid).',
  note_interaction_not_estimable: 'Samspillet kan ikke testes: modellen har for lite informasjon om det.',
  note_interaction_separation:
    'Alle eller ingen i en kombinasjon av gruppe og undergruppe er i arbeid (separasjon), så p-verdien for samspill er usikker.',
  note_unknown_null: 'Kan ikke beregnes ({note}).',
  note_unknown: 'Merknad: {note}.',
  note_firth_separation:
    'Beregnet med Firths metode, fordi den vanlige modellen ikke gir et endelig tall når alle eller ingen i en kombinasjon av gruppe og kjennetegn er i arbeid (separasjon).',
  note_firth: 'Beregnet med Firths metode, fordi den vanlige modellen ikke fant en stabil løsning.',
  note_separation: 'Alle eller ingen i en kombinasjon av gruppe og kjennetegn er i arbeid (separasjon), så tallet er usikkert.',
  note_not_converged: 'Modellen fant ingen stabil løsning, så tallet er usikkert.',
  note_failed_resamples: '{failed} av {resamples} bootstrap-trekninger kunne ikke brukes.',

  employment_note_rd: 'Forskjell i prosentpoeng: andelen i arbeid i {arm_t} minus andelen i {arm_c}. Fra 27 % til 37 % er for eksempel 10 prosentpoeng.',
  employment_note_ratios:
    'Relativ risiko: andelen i arbeid i {arm_t} delt på andelen i {arm_c}. Oddsratio sammenligner oddsen for å være i arbeid (i arbeid mot ikke i arbeid) på samme måte. For begge betyr 1 ingen forskjell.',
  employment_note_ci:
    '{level} KI (konfidensintervall): de verdiene som stemmer godt med dataene. Når intervallet for en forskjell ikke inneholder 0, eller intervallet for et forholdstall ikke inneholder 1, tyder det på en virkelig forskjell mellom gruppene.',
  employment_note_p:
    'p-verdi: hvor sannsynlig det er å få en forskjell minst så stor som den observerte hvis tiltaket ikke hadde noen virkning. Små verdier (for eksempel under 0,05) tyder på en virkelig forskjell. Testen er Pearsons kjikvadrattest, eller Fishers eksakte test når gruppene er for små for den.',
  employment_note_adjusted:
    'Justerte tall tar hensyn til {variables}, slik analyseplanen bestemmer. Den justerte forskjellen er gjennomsnittet av hva modellen anslår om alle hadde fått {arm_t} og om alle hadde fått {arm_c} (standardisering, «g-computation»); intervallet er funnet ved å trekke nye utvalg fra dataene (bootstrap, {resamples} trekninger).',
  employment_note_randomization:
    'Randomiseringstest: gruppene er trukket på nytt {permutations} ganger etter samme oppsett som i forsøket; p-verdien er hvor ofte forskjellen da ble minst like stor som den observerte.',
  employment_note_bounds:
    'Verste tilfelle for {arm_t}: forskjellen hvis alle som mangler data i {arm_t}, ikke var i arbeid, og alle som mangler data i {arm_c}, var i arbeid. Beste tilfelle er det omvendte. De viser hvor mye de manglende dataene i ytterste fall kan endre resultatet.',
  employment_note_primary: 'Hovedutfallet (måned {month}) ble bestemt på forhånd; de andre tidspunktene er tilleggsanalyser.',

  chart_employment_title: 'Andel i arbeid hver måned',
  chart_employment_description:
    'Linjer viser hvor stor andel i hver gruppe som var i arbeid i hver måned, fra måned {first} til måned {last} etter randomiseringen. Det fargede båndet rundt hver linje er {level} konfidensintervall.',
  chart_employment_point: '{arm}, måned {month}: {rate} i arbeid ({ci})',
  chart_employment_point_hidden: '{arm}, måned {month}: vises ikke (for få personer)',
  axis_months_since_randomization: 'Måneder etter randomisering',
  axis_share_employed: 'Andel i arbeid',
  month_col: 'Måned',
  employed_of_col: '{arm}: i arbeid av analyserte',
  share_ci_col: '{arm}: andel ({level} KI)',

  time_to_job_heading: 'Tid til første jobb',
  time_to_job_intro:
    'Kurvene viser hvor stor andel i hver gruppe som hadde hatt minst én jobb, måned for måned etter randomiseringen. De som ikke har fått jobb, teller med så lenge det finnes registerdata for dem (Kaplan–Meier-metoden).',
  chart_time_to_job_title: 'Andel som har hatt jobb, etter måneder siden randomisering',
  chart_time_to_job_description:
    'Trappekurver, én per gruppe, viser andelen som har hatt minst én jobb ved hver måned; båndet er {level} konfidensintervall. Jo tidligere og høyere en kurve stiger, jo raskere kom deltakerne i jobb.',
  chart_time_to_job_line: '{arm}: andel som har hatt jobb, {share} etter {month} måneder',
  axis_share_had_job: 'Andel som har hatt jobb',
  time_to_job_arm:
    '{arm}: {events} av {analysed} analyserte fikk jobb i løpet av oppfølgingen ({at_zero} av dem var allerede i arbeid i måneden de ble randomisert).',
  time_to_job_no_registry: '{n} uten registerdata er ikke med.',
  time_to_job_median: 'Median tid til første jobb: {months} måneder ({level} KI {low} til {high}).',
  time_to_job_median_not_reached: 'Median tid til første jobb: ikke nådd, fordi færre enn halvparten fikk jobb i løpet av oppfølgingen.',
  not_reached: 'ikke nådd',
  time_to_job_log_rank: 'Forskjell mellom kurvene: {p} (log-rank-test).',
  time_to_job_log_rank_none: 'Forskjellen mellom kurvene kan ikke testes: ingen fikk jobb mens begge gruppene ble fulgt.',
  time_to_job_hazard_ratio:
    'Hasardratio {hr} ({level} KI {low} til {high}; {p}): blant dem som ennå ikke hadde hatt jobb, fikk deltakere i {arm_t} jobb {hr} ganger så ofte per måned som deltakere i {arm_c} ({arm_t} delt på {arm_c}).',
  time_to_job_hazard_ratio_none: 'Hasardratioen ({arm_t} delt på {arm_c}) {reason}.',
  cox_hr_infinite: 'kan ikke angis som et tall: den går mot uendelig',
  cox_hr_zero: 'kan ikke angis som et tall: den går mot 0',
  cox_no_information: 'kan ikke beregnes: ingen fikk jobb mens begge gruppene ble fulgt',
  cox_not_converged: 'kan ikke beregnes: modellen fant ingen stabil løsning',
  time_to_job_at_risk_col: 'Uten jobb ennå og fulgt',
  time_to_job_events_col: 'Fikk første jobb',
  time_to_job_censored_col: 'Oppfølgingen sluttet uten jobb',
  time_to_job_share_col: 'Har hatt jobb ({level} KI)',
  share_ci: '{share} ({low} til {high})',

  subgroups_heading: 'Undergrupper',
  subgroups_intro:
    'Figuren viser forskjellen i andel i arbeid i måned {month} ({arm_t} minus {arm_c}, prosentpoeng) i undergrupper som ble bestemt på forhånd. Undergruppene er mindre enn hele forsøket, så intervallene er bredere og tallene mer usikre.',
  subgroups_interaction_explained:
    'p-verdien for samspill viser om forskjellen mellom gruppene varierer mellom undergruppene mer enn tilfeldigheter tilsier. En liten p-verdi (for eksempel under 0,05) tyder på at tiltaket virker ulikt i undergruppene.',
  chart_subgroups_title: 'Forskjell i andel i arbeid i måned {month}, per undergruppe',
  chart_subgroups_description:
    'Punktene viser forskjellen i prosentpoeng ({arm_t} minus {arm_c}) i hver undergruppe, og de vannrette strekene {level} konfidensintervall. Den loddrette linjen ved 0 betyr ingen forskjell; til høyre for den er flere i arbeid i {arm_t}-gruppen.',
  chart_subgroups_point: '{label}: {estimate} prosentpoeng ({ci})',
  chart_value_hidden: 'vises ikke (for få personer)',
  axis_difference_pp: 'Forskjell i prosentpoeng ({arm_t} minus {arm_c})',
  subgroup_col: 'Undergruppe',
  subgroup_n_col: '{arm}, n',
  subgroup_difference_col: 'Forskjell ({level} KI)',
  subgroup_interaction: 'samspill: {p}',
  subgroup_all: 'Alle deltakere',
  subgroup_missing_level: 'Mangler',

  qol_heading: 'Livskvalitet og helse',
  qol_intro:
    'Deltakerne fylte ut spørreskjemaer ved start og etter {months} måneder. Skjemaene måler {measures}. Dette er tilleggsutfall: hovedutfallet i forsøket er arbeid.',
  qol_missing:
    'Ikke alle svarer. I måned {month} manglet svar fra {share_t} av deltakerne i {arm_t}-gruppen og {share_c} i {arm_c}-gruppen. De som svarer, kan skille seg fra dem som ikke svarer. Tilleggsanalysene til slutt i denne delen viser om det endrer resultatene.',
  qol_missing_range: 'mellom {low} og {high}',
  qol_adjusted:
    'Forskjellen mellom gruppene er {arm_t} minus {arm_c} i gjennomsnittlig skår ved hver oppfølging. Den er justert for {variables} (kovariansanalyse, ANCOVA), slik analyseplanen bestemmer. Justeringen tar hensyn til forskjeller som fantes allerede ved start, og gjør sammenligningen mer presis.',
  qol_baseline_score: 'skåren ved start',
  qol_multiplicity:
    'Til sammen er det gjort {count} sammenligninger (hvert skjema ved hver oppfølging). Jo flere sammenligninger, jo større er sjansen for at minst én av dem ser ut som en forskjell bare ved en tilfeldighet. Derfor er p-verdiene også justert for mange sammenligninger, {method}.',
  qol_method_holm: 'med Holms metode, som holder sjansen for at selv én slik tilfeldig forskjell blir regnet som virkelig, lav',
  qol_method_bh: 'med Benjamini–Hochbergs metode, som holder andelen tilfeldige funn blant forskjellene som ser tydelige ut, lav',
  qol_table_heading: 'Forskjeller mellom gruppene ved hver oppfølging',
  qol_when_col: 'Tidspunkt',
  qol_n_col: '{arm}: svarte',
  qol_mean_n_col: '{arm}: gjennomsnitt (svarte)',
  qol_difference_col: 'Justert forskjell ({level} KI)',
  qol_p_col: 'p-verdi (justert)',
  qol_p_raw: 'ujustert: {p}',
  qol_g_col: 'Hedges’ g ({level} KI)',
  qol_reading_col: 'Hva betyr det?',
  qol_measure_heading: '{measure}: skala fra {min} til {max}, {direction}',
  qol_higher_better: 'høyere er bedre',
  qol_lower_better: 'lavere er bedre',
  qol_reading_better: 'Bedre med {arm_t}',
  qol_reading_worse: 'Dårligere med {arm_t}',
  qol_reading_none: 'Ingen klar forskjell',
  qol_reading_higher: '{reading} (høyere skår)',
  qol_reading_lower: '{reading} (lavere skår)',
  qol_reading_not_after_correction: '{reading}, men ikke tydelig etter justering for mange sammenligninger',
  qol_note_after_correction:
    'Forskjellen er tydelig når denne sammenligningen ses alene (ujustert p-verdi under {alpha}), men ikke etter justering for mange sammenligninger (justert p-verdi {alpha} eller høyere). Den kan derfor skyldes tilfeldigheter og bør leses med forsiktighet.',
  qol_note_suppressed:
    ': gjennomsnittet vises ikke for en gruppe der færre enn {t} personer har svart, fordi tallene da kan avsløre hva hver enkelt har svart.',
  qol_note_no_mean: '–: ingen i gruppen svarte, så det finnes ikke noe gjennomsnitt.',
  qol_note_not_estimable_plain: '–: tallet kan ikke beregnes.',
  qol_note_not_estimable: '–: kan ikke beregnes fordi {reason}.',
  qol_note_not_estimable_unknown: '–: kan ikke beregnes ({note}).',
  qol_note_no_g: '–: Hedges’ g kan ikke beregnes, fordi det er for få svar ved start til å vite hvor mye skårene varierer.',
  qol_note_outside_family: '–: denne sammenligningen er ikke med i justeringen for mange sammenligninger.',
  qol_note_no_interval: 'Intervallet kan ikke beregnes.',
  reason_no_answers_in_arm: 'én av gruppene har ingen svar',
  reason_no_variance: 'alle svarene er like, så det finnes ingen spredning å regne med',
  qol_lede_difference:
    'Justert forskjell: hvor mange poeng høyere gjennomsnittlig skår er i {arm_t} enn i {arm_c}, på skjemaets egen skala (skalaen står over hvert skjema i tabellen). Et negativt tall betyr lavere skår i {arm_t}. Om høyere skår er bedre eller dårligere, avhenger av skjemaet; kolonnen «Hva betyr det?» sier det med ord.',
  qol_lede_lower_better: 'For {measures} er lavere skår bedre.',
  qol_lede_g:
    'Hedges’ g: forskjellen delt på hvor mye skårene varierte mellom deltakerne ved start (standardavviket). Slik kan skjemaer med ulike skalaer sammenlignes. Som en tommelfingerregel er omtrent {small} en liten forskjell, {medium} en middels og {large} en stor.',
  qol_note_ci:
    '{level} KI (konfidensintervall): de forskjellene som stemmer godt med dataene. Når hele intervallet ligger på samme side av 0, er forskjellen tydelig, og da står det «bedre» eller «dårligere» i kolonnen «Hva betyr det?».',
  qol_note_p:
    'p-verdi: hvor sannsynlig en forskjell minst så stor som den observerte er hvis tiltaket ikke har noen virkning. Tallet øverst er justert for mange sammenligninger; den ujusterte p-verdien står under.',
  qol_note_n: 'Svarte (tallet i parentes etter gjennomsnittet): deltakere som svarte på skjemaet ved dette tidspunktet. Den justerte forskjellen bygger på dem som svarte både ved start og ved dette tidspunktet.',

  chart_qol_title: 'Gjennomsnittlig skår per tidspunkt og gruppe',
  chart_qol_description:
    'Én rute per skjema. Punktene viser gjennomsnittlig skår i hver gruppe ved start og ved hver oppfølging, og de loddrette strekene {level} konfidensintervall. Den loddrette aksen viser bare den delen av skalaen der gjennomsnittene ligger, så forskjellene ser større ut enn de er målt mot hele skalaen. Under navnet på skjemaet står hele skalaen og om høyere eller lavere skår er bedre.',
  chart_qol_subtitle: 'Skala fra {min} til {max}, {direction}',
  chart_qol_point: '{measure}, {arm}, {when}: gjennomsnitt {mean} ({ci}), {n} svar',
  chart_qol_point_no_ci: '{measure}, {arm}, {when}: gjennomsnitt {mean}, {n} svar',
  axis_mean_score: 'Gjennomsnittlig skår',
  qol_mean_ci_col: '{arm}: gjennomsnitt ({level} KI)',

  qol_sensitivity_heading: 'Tilleggsanalyser: betyr de manglende svarene noe?',
  qol_sensitivity_intro:
    'Hovedanalysen bruker bare deltakere som svarte både ved start og ved oppfølgingen. To tilleggsanalyser bruker flere av dataene og gjør andre antakelser om dem som ikke svarte: en blandet modell, som bruker svarene fra alle oppfølgingene samtidig, og multippel imputering, der manglende svar fylles inn {m} ganger med anslag ut fra det som er kjent om deltakeren. Gir de omtrent samme svar, er det lite trolig at de manglende svarene forklarer resultatene.',
  qol_sensitivity_all_agree: 'Tilleggsanalysene gir samme retning og et like tydelig resultat som hovedanalysen for alle skjemaer og tidspunkter.',
  qol_sensitivity_agree_where_estimable: 'Der alle analysene kan beregnes, gir tilleggsanalysene samme retning og et like tydelig resultat som hovedanalysen.',
  qol_sensitivity_some_differ:
    'For {list} gir minst én tilleggsanalyse en annen retning eller et annet svar på om forskjellen er tydelig, enn hovedanalysen. Les disse resultatene med ekstra forsiktighet.',
  qol_sensitivity_not_comparable: 'For {list} kan minst én av analysene ikke beregnes.',
  qol_sensitivity_show: 'Vis tabellen med tilleggsanalysene',
  qol_outcome_in_text: '{measure} i måned {month}',
  qol_ancova_col: 'Hovedanalyse, ANCOVA ({level} KI)',
  qol_mixed_col: 'Blandet modell ({level} KI)',
  qol_mi_col: 'Multippel imputering ({level} KI)',
  qol_agree_col: 'Samme konklusjon som hovedanalysen?',
  qol_mixed_name: 'blandet modell',
  qol_mi_name: 'multippel imputering',
  qol_disagree_direction: '{analysis}: motsatt retning',
  qol_disagree_less_clear: '{analysis}: ikke tydelig',
  qol_disagree_more_clear: '{analysis}: tydelig, men ikke hovedanalysen',
  qol_disagree_missing: '{analysis}: kan ikke beregnes',
  qol_df: 'frihetsgrader: {df}',
  qol_fmi: 'manglende informasjon: {fmi}',
  qol_note_mixed:
    'Blandet modell: bruker svarene fra alle oppfølgingene i én modell, også fra deltakere som bare svarte ved noen av dem. Frihetsgradene, som bestemmer hvor bredt intervallet blir, er beregnet med Satterthwaites metode.',
  qol_note_mi:
    'Multippel imputering: manglende svar er fylt inn {m} ganger med anslag ut fra det som er kjent om deltakeren. Hovedanalysen er gjort på hvert av de {m} datasettene, og resultatene er slått sammen (Rubins regler). «Manglende informasjon» er hvor stor del av usikkerheten som skyldes svar som mangler.',
  qol_note_agree:
    'Samme konklusjon: tilleggsanalysen peker samme vei som hovedanalysen (samme fortegn), og forskjellen er tydelig i begge eller i ingen av dem (intervallet ligger helt på én side av 0, eller omfatter 0).',

  cb_heading: 'Kostnader og nytte',
  cb_lead:
    'For at {arm_t} skal betale for merkostnaden sin innen {months} måneder, må hver ekstra person i arbeid tjene omtrent {wage} i måneden før skatt ({annual} i året).',
  cb_lead_interval: 'Usikkerhetsområdet er {low} til {high} i måneden.',
  cb_lead_interval_open: 'Usikkerhetsområdet går fra {low} i måneden og oppover; i noen av trekningene dekker ingen lønn kostnaden.',
  cb_lead_times: 'Det er omtrent {times} ganger referanselønnen på {reference} i måneden.',
  cb_lead_same: 'Det er omtrent det samme som referanselønnen på {reference} i måneden.',
  cb_lead_share: 'Det er omtrent {share} av referanselønnen på {reference} i måneden.',
  cb_lead_no_employment_effect:
    '{arm_t} ga ikke flere måneder i arbeid enn {arm_c} i dette forsøket. Derfor kan ingen lønn betale for merkostnaden på {cost} per deltaker.',
  cb_lead_no_extra_cost: '{arm_t} kostet ikke mer per deltaker enn {arm_c}, så alt ekstra arbeid som {arm_t} gir, er en gevinst.',
  cb_lead_covered_without_wage: 'Sparte stønader alene dekker merkostnaden ved {arm_t}, uansett lønn.',
  cb_lead_not_estimable: 'Balanselønnen kan ikke beregnes.',
  cb_lead_definition:
    'Balanselønnen er den månedslønnen der verdien av det ekstra arbeidet akkurat dekker merkostnaden. Tjener de som kommer i arbeid, mer enn dette, lønner {arm_t} seg; tjener de mindre, gjør det ikke det.',
  cb_lead_public:
    'For offentlige budsjetter, som får inntektsskatt og arbeidsgiveravgift av lønnen og slipper å betale stønader, er balanselønnen omtrent {wage} i måneden (usikkerhetsområde {range}).',
  cb_lead_public_no_range:
    'For offentlige budsjetter, som får inntektsskatt og arbeidsgiveravgift av lønnen og slipper å betale stønader, er balanselønnen omtrent {wage} i måneden.',
  cb_lead_public_covered: 'For offentlige budsjetter dekker sparte stønader alene merkostnaden, uansett lønn.',
  cb_lead_public_not_estimable: 'For offentlige budsjetter kan balanselønnen ikke beregnes.',
  cb_note_reference: 'Referanselønnen: {source}',

  cb_method_heading: 'Slik er det regnet',
  cb_method_idea:
    'Beregningen veier det {arm_t} koster ekstra per deltaker (utover {arm_c}) opp mot verdien av de ekstra månedene i arbeid som {arm_t} gir, og finner lønnen der de to er like store.',
  cb_months_more: 'Ekstra måneder i arbeid (ΔM): med {arm_t} var deltakerne i gjennomsnitt {months} måneder mer i arbeid enn med {arm_c} i løpet av de {window} månedene{range}.',
  cb_months_fewer: 'Ekstra måneder i arbeid (ΔM): med {arm_t} var deltakerne i gjennomsnitt {months} måneder mindre i arbeid enn med {arm_c} i løpet av de {window} månedene{range}.',
  cb_range_paren: ' ({level} usikkerhetsområde: {low} til {high})',
  cb_months_discount:
    'ΔM er summen, måned for måned, av forskjellen i andelen som var i arbeid. Måneder lenger fram i tid teller litt mindre, fordi en gevinst nå er verdt mer enn den samme gevinsten senere (diskontering med {rate} i året). Uten diskontering er ΔM {undiscounted} måneder.',
  cb_cost_more: 'Merkostnad (ΔC): {arm_t} kostet {cost} mer per deltaker enn {arm_c} ({costs}, i {year}-kroner).',
  cb_cost_less: 'Merkostnad (ΔC): {arm_t} kostet {cost} mindre per deltaker enn {arm_c} ({costs}, i {year}-kroner).',
  cb_cost_same: 'Merkostnad (ΔC): ingen. {arm_t} og {arm_c} kostet like mye per deltaker ({costs}, i {year}-kroner).',
  cb_arm_cost: '{arm} {cost}',
  cb_society_words:
    'Samfunnet: en ekstra måned i arbeid er verdt det arbeidet skaper. Det regnes som bruttolønnen pluss arbeidsgiveravgiften (arbeidsgiverens lønnskostnad), ganget med produktivitetsandelen. Balanselønnen for samfunnet er merkostnaden delt på de ekstra månedene og på dette påslaget:',
  cb_public_words:
    'Offentlige budsjetter: en ekstra måned i arbeid gir inntektsskatt og arbeidsgiveravgift av lønnen, og det offentlige slipper å betale stønaden personen ellers ville fått. Balanselønnen for offentlige budsjetter er derfor:',
  cb_benefits_why:
    'Sparte stønader teller bare for offentlige budsjetter. En stønad flytter penger fra det offentlige til en person; for samfunnet som helhet er den verken en kostnad eller en gevinst. For samfunnet teller bare det som faktisk blir skapt, altså arbeidet.',
  cb_months_formula_words: 'De ekstra månedene i arbeid er regnet slik:',
  cb_symbols: 'Tegnene i formlene:',
  cb_sym_w: 'balanselønnen, brutto månedslønn (før skatt)',
  cb_sym_dc: 'merkostnad per deltaker, her {value}',
  cb_sym_dm: 'ekstra måneder i arbeid per deltaker, her {value}',
  cb_sym_e: 'arbeidsgiveravgift som andel av bruttolønnen, her {value}',
  cb_sym_pi: 'produktivitetsandel: hvor stor del av lønnskostnaden som regnes som verdi skapt, her {value}',
  cb_sym_t: 'gjennomsnittlig inntektsskatt som andel av bruttolønnen, her {value}',
  cb_sym_b: 'sparte stønader per ekstra måned i arbeid, her {value}',
  cb_sym_p: 'andelen i arbeid i måned m i hver gruppe',
  cb_sym_window: 'antall måneder i forsøksperioden, her {value}',
  cb_sym_r: 'diskonteringsrente per år, her {value}',
  cb_n_months: '{n} måneder',

  cb_scenarios_heading: 'Hvis virkningen varer lenger',
  cb_scenarios_intro:
    'Forsøket fulgte deltakerne i {window} måneder, men virkningen av {arm_t} kan vare lenger. Scenarioene under regner som om forskjellen i andelen i arbeid ved slutten av forsøket ({points} prosentpoeng, gjennomsnittet av de siste {last_months} månedene) fortsetter en tid etterpå, like stor eller gradvis mindre. Det er antakelser, ikke noe forsøket har målt.',
  cb_col_scenario: 'Scenario',
  cb_col_months: 'Ekstra måneder i arbeid per deltaker',
  cb_col_society: 'Samfunnet',
  cb_col_public: 'Offentlige budsjetter',
  cb_col_break_even: 'Balanselønn per måned',
  cb_col_npv: 'Netto per deltaker ved referanselønnen',
  cb_scenario_window: 'Virkningen slutter når forsøket slutter, etter {months} måneder',
  cb_scenario_constant: 'Virkningen varer {duration} til, like stor som ved slutten av forsøket',
  cb_scenario_decay: 'Virkningen varer {duration} til og blir {decay} mindre hvert år',
  cb_scenario_window_short: 'Bare forsøksperioden',
  cb_scenario_constant_short: 'Varer {duration} til',
  cb_scenario_decay_short: 'Varer {duration} til, avtar {decay} i året',
  cb_years: '{n} år',
  cb_year_one: '1 år',
  cb_gain: 'gevinst\u00a0{amount}',
  cb_loss: 'tap\u00a0{amount}',
  cb_range_open: 'fra {low} og oppover',
  cb_none_no_employment_effect: 'Ingen lønn (ikke mer arbeid)',
  cb_none_no_extra_cost: 'Enhver lønn (ingen merkostnad)',
  cb_none_covered_without_wage: 'Enhver lønn (sparte stønader dekker kostnaden)',
  cb_none_wage_brings_no_revenue: 'Ingen lønn (lønnen gir verken skatt eller avgift)',
  cb_note_open_interval:
    'I noen av trekningene ga {arm_t} ikke mer arbeid enn {arm_c}, og da dekker ingen lønn kostnaden. Usikkerhetsområdet har derfor ingen øvre grense.',
  cb_table_lede:
    'Balanselønn: månedslønnen som skal til for at {arm_t} lønner seg i scenarioet. Netto per deltaker: verdien av de ekstra månedene i arbeid ved referanselønnen ({reference} i måneden) minus merkostnaden. Under hvert anslag står {level} usikkerhetsområde. Beløpene er avrundet.',
  cb_gain_some: 'Ved referanselønnen gir {arm_t} netto gevinst for {perspective} i {list}, men ikke i de andre scenarioene.',
  cb_gain_all: 'Ved referanselønnen gir {arm_t} netto gevinst for {perspective} i alle scenarioene.',
  cb_gain_none: 'Ved referanselønnen gir {arm_t} ikke netto gevinst for {perspective} i noen av scenarioene.',
  cb_perspective_society: 'samfunnet',
  cb_perspective_public: 'offentlige budsjetter',
  cb_quoted: '«{label}»',
  cb_uncertain_note:
    'Når usikkerhetsområdet for netto per deltaker går fra tap til gevinst, kan dataene ikke vise sikkert om {arm_t} lønner seg i det scenarioet.',

  cb_uncertainty_heading: 'Hvor sikkert er det at {arm_t} lønner seg?',
  cb_uncertainty_intro:
    'For å finne usikkerheten er det trukket {resamples} nye utvalg av deltakere fra forsøket (bootstrap, innenfor hver gruppe), og alt er regnet på nytt for hvert utvalg. Kurvene viser, for hver månedslønn, hvor stor andel av utvalgene der {arm_t} gir netto gevinst. Jo høyere lønn, jo mer er det ekstra arbeidet verdt, og jo oftere lønner {arm_t} seg.',
  chart_cb_acceptability_title: 'Sannsynlighet for at {arm_t} lønner seg, etter månedslønn',
  chart_cb_acceptability_description:
    'To ruter, samfunnet til venstre og offentlige budsjetter til høyre. Linjene, én per scenario, viser andelen av bootstrap-trekningene der {arm_t} gir netto gevinst ved hver brutto månedslønn, fra 0 til 100 %. Den stiplede loddrette linjen er referanselønnen, {reference} i måneden.',
  chart_cb_line: '{perspective}: {scenario}',
  cb_reference_label: 'Referanselønn {reference}',
  axis_monthly_wage: 'Brutto månedslønn (kr)',
  axis_probability_gain: 'Sannsynlighet for netto gevinst',
  cb_wage_col: 'Brutto månedslønn',

  cb_sensitivity_heading: 'Hvilke forutsetninger betyr mest?',
  cb_sensitivity_intro:
    'Balanselønnen bygger på forutsetninger som er usikre. Figuren viser hvor mye balanselønnen for samfunnet i forsøksperioden endrer seg når én forutsetning om gangen settes til en lav og en høy verdi, mens resten holdes som i grunnanslaget (enveis sensitivitetsanalyse). Den lengste stolpen, øverst, er forutsetningen som betyr mest.',
  cb_sensitivity_none: 'Figuren over forutsetningene vises ikke, fordi det ikke finnes noen balanselønn i grunnanslaget å sammenligne med.',
  chart_cb_tornado_title: 'Balanselønn for samfunnet når én forutsetning endres',
  chart_cb_tornado_description:
    'Én stolpe per forutsetning, den bredeste øverst. Stolpen går fra grunnanslaget, den loddrette linjen ved {base}, til balanselønnen med forutsetningen på lav verdi (den ene fargen) og på høy verdi (den andre). En pil mot høyre kant betyr at ingen lønn dekker kostnaden ved den verdien; en pil mot venstre kant betyr at det lønner seg ved enhver lønn. Til høyre står verdiene og balanselønnene med tall.',
  cb_param_employment_effect: 'Ekstra måneder i arbeid',
  cb_param_cost_difference: 'Merkostnad per deltaker',
  cb_param_discount_rate: 'Diskonteringsrente',
  cb_param_employer_contribution_rate: 'Arbeidsgiveravgift',
  cb_param_productivity_share: 'Produktivitetsandel',
  cb_low: 'Lav verdi',
  cb_high: 'Høy verdi',
  cb_low_short: 'Lav',
  cb_high_short: 'Høy',
  cb_tornado_end: '{which}: {value} → {wage}',
  cb_no_break_even: 'ingen balanselønn',
  cb_any_wage: 'enhver lønn',
  cb_base_label: 'Grunnanslag {wage}',
  axis_break_even_wage: 'Balanselønn per måned (kr)',
  cb_param_col: 'Forutsetning',
  cb_at_low_col: 'Balanselønn ved lav verdi',
  cb_at_high_col: 'Balanselønn ved høy verdi',
  cb_amount_more: '{amount} mer',
  cb_amount_less: '{amount} mindre',

  cb_cheers_heading: 'Hvordan beregningen er gjort (CHEERS 2022)',
  cb_cheers_intro: 'CHEERS 2022 er en sjekkliste over hva en helseøkonomisk analyse bør opplyse om. Her er punktene som gjelder denne beregningen.',
  cb_cheers_perspective: 'Perspektiv',
  cb_cheers_perspective_text:
    'Samfunnet som helhet (verdien av arbeidet som blir gjort) og offentlige budsjetter (inntektsskatt og arbeidsgiveravgift av lønnen, og sparte stønader).',
  cb_cheers_horizon: 'Tidshorisont',
  cb_cheers_horizon_text: 'Forsøkets {window} måneder. I scenarioene varer virkningen i tillegg {years}.',
  cb_cheers_horizon_window_only: 'Forsøkets {window} måneder.',
  cb_cheers_discount: 'Diskonteringsrente',
  cb_cheers_discount_text: '{rate} per år, regnet måned for måned. Kostnadene regnes som betalt ved randomiseringen og er ikke diskontert.',
  cb_cheers_price: 'Prisår og valuta',
  cb_cheers_price_text: 'Alle beløp er i norske kroner (NOK), i {year}-priser.',
  cb_cheers_costs: 'Kostnader',
  cb_cheers_costs_text: 'Programkostnad per deltaker: {costs}.',
  cb_cheers_outcome: 'Virkning',
  cb_cheers_outcome_text:
    'Ekstra måneder i arbeid per deltaker, fra registerdata, verdsatt med brutto månedslønn. Referanselønnen er {reference} i måneden.',
  cb_cheers_uncertainty: 'Usikkerhet',
  cb_cheers_uncertainty_text:
    'Bootstrap med {resamples} trekninger, trukket innenfor hver gruppe. Usikkerhetsområdene er {level} persentilintervaller: de midterste {level} av trekningene. I tillegg enveis sensitivitetsanalyse av {parameters}.',
  cb_params_show: 'Vis alle verdiene beregningen bygger på',
  cb_params_name_col: 'Størrelse',
  cb_params_value_col: 'Verdi',
  cb_p_currency: 'Valuta',
  cb_p_price_year: 'Prisår',
  cb_p_cost: 'Kostnad per deltaker, {arm}',
  cb_p_window: 'Forsøksperiode i beregningen',
  cb_p_tax: 'Gjennomsnittlig inntektsskatt',
  cb_p_benefits: 'Sparte stønader per ekstra måned i arbeid',
  cb_p_reference: 'Referanselønn',
  cb_p_last_effect: 'Virkningen ved slutten av forsøket',
  cb_p_scenario: 'Scenario',
  cb_p_sensitivity: 'Sensitivitetsområde: {parameter}',
  cb_p_resamples: 'Bootstrap-trekninger',
  cb_per_year: '{value} per år',
  cb_per_month: '{amount} i måneden',
  cb_of_gross: '{value} av bruttolønnen',
  cb_of_labour_cost: '{value} av lønnskostnaden',
  cb_last_months: 'gjennomsnittet av de siste {n} månedene',

  toc_label: 'Innhold',

  summary_heading: 'Sammendrag',
  summary_employment_label: 'Arbeid, hovedutfallet:',
  summary_qol_label: 'Livskvalitet og helse (tilleggsutfall):',
  summary_cb_label: 'Kostnader og nytte:',
  summary_caveats_label: 'Forbehold:',
  summary_qol_better: 'Etter {month} måneder kom {arm_t}-gruppen bedre ut enn {arm_c}-gruppen på {measures}.',
  summary_qol_worse: 'Etter {month} måneder kom {arm_t}-gruppen dårligere ut enn {arm_c}-gruppen på {measures}.',
  summary_qol_clear_means: 'Her teller bare forskjeller som er tydelige også etter justering for mange sammenligninger.',
  summary_qol_no_clear: 'Det var ingen tydelig forskjell for {measures}.',
  summary_qol_none_clear:
    'Etter {month} måneder var det ingen tydelig forskjell mellom gruppene på noen av målene ({measures}) etter justering for mange sammenligninger.',
  summary_qol_not_estimable: 'For {measures} kunne forskjellen ikke beregnes.',
  summary_qol_missing:
    'Ved denne oppfølgingen manglet svar fra {share_t} i {arm_t}-gruppen og {share_c} i {arm_c}-gruppen. De som svarte, kan skille seg fra dem som ikke svarte.',
  summary_qol_no_comparison: 'Spørreskjemaene kunne ikke sammenlignes mellom gruppene ved noen oppfølging.',
  summary_cb_none: 'Analyseplanen har ingen kostnadsdel, så rapporten regner ikke på kostnader og nytte.',
  summary_caveat_failed:
    'Kontrollen av loddtrekningen fant avvik, så det er ikke bekreftet at deltakerne fikk den gruppen de ble trukket til. Les alle resultatene med forsiktighet.',
  summary_caveat_no_list: 'Ingen trekningsliste ble levert, så det kunne ikke kontrolleres at deltakerne fikk den gruppen de ble trukket til.',
  summary_caveat_missing:
    'Registerdata for måned {month} mangler for {n_t} av deltakerne i {arm_t}-gruppen og {n_c} i {arm_c}-gruppen; de er ikke med i hovedresultatet.',
  summary_caveat_missing_robust: 'Selv om alle disse hadde hatt det utfallet som er verst for konklusjonen, ville intervallet ligget på samme side av 0.',
  summary_caveat_missing_fragile:
    'Hvis alle disse hadde hatt det utfallet som er verst for konklusjonen, ville intervallet omfattet 0: de manglende dataene kan altså endre konklusjonen.',
  summary_caveat_small:
    'Forsøket er lite: hovedanalysen bygger på {n} deltakere. Da blir intervallene brede, og en virkelig, men moderat forskjell kan bli oversett.',
  summary_more: 'Alle tallene, og hvordan de er regnet ut, står i delene under.',

  methods_heading: 'Forsøket og metodene',
  methods_intro: 'Analysene følger analyseplanen, som ble lagt fast før dataene ble sett. Her er det viktigste om hvordan forsøket og analysene ble gjort.',
  methods_arms_term: 'Gruppene',
  methods_arms: 'Deltakerne ble trukket til {arm_t} (tiltaket) eller {arm_c} (kontrollgruppen). Til sammen ble {n} personer randomisert: {counts}.',
  methods_arm_count: '{n} til {arm}',
  methods_sites_term: 'Forsøkssteder',
  methods_sites: '{n} forsøkssteder: {sites}.',
  methods_sites_one: 'Ett forsøkssted: {sites}.',
  methods_randomization_term: 'Loddtrekningen',
  methods_followup_term: 'Oppfølging',
  methods_followup:
    'Arbeid ble fulgt måned for måned i registerdata, fra måned {first} til måned {last} etter randomiseringen, og gruppene er sammenlignet etter {timepoints} måneder.',
  methods_primary_term: 'Hovedutfall',
  methods_primary_in_month:
    'Andelen som var i arbeid i måned {month}, ifølge registerdata. Det ble bestemt på forhånd; de andre resultatene er tilleggsanalyser.',
  methods_primary_to_month:
    'Andelen som hadde vært i arbeid minst én gang til og med måned {month}, ifølge registerdata. Det ble bestemt på forhånd; de andre resultatene er tilleggsanalyser.',
  methods_questionnaires_term: 'Spørreskjemaer',
  methods_questionnaires: 'Ved start og etter {months} måneder, om {measures}. Dette er tilleggsutfall.',
  methods_questionnaires_baseline: 'Ved start, om {measures}.',
  methods_adjustment_term: 'Justering',
  methods_adjustment: 'Justerte analyser tar hensyn til {variables}, slik analyseplanen bestemmer.',
  methods_adjustment_qol: 'Sammenligningene av spørreskjemaene er også justert for skåren ved start.',
  methods_interval_term: 'Intervall (KI)',
  methods_interval:
    'Usikkerheten vises som {level} konfidensintervall (KI): de verdiene som stemmer godt med dataene. Ligger hele intervallet for en forskjell over eller under 0, er forskjellen tydelig.',
  methods_p_term: 'p-verdi',
  methods_p:
    'Hvor sannsynlig det er å få en forskjell minst så stor som den observerte hvis tiltaket ikke hadde noen virkning. Jo mindre p-verdien er, jo sterkere tyder den på en virkelig forskjell.',
  methods_multiplicity_term: 'Mange sammenligninger',
  methods_multiplicity:
    'Spørreskjemaene gir {count} sammenligninger. Jo flere sammenligninger, jo større er sjansen for at én ser tydelig ut bare ved en tilfeldighet, så p-verdiene for dem er justert med {method}.',
  methods_holm: 'Holms metode',
  methods_bh: 'Benjamini–Hochbergs metode',

  data_quality_heading: 'Datakvalitet og kontroll',
  data_quality_intro:
    'Her står hvilke data som kom inn, hvordan filene var skrevet, hva som ble funnet da de ble lest, og om gruppene stemmer med loddtrekningen.',
  disclosure_heading: 'Regelen for små tall',
  disclosure_rule:
    'Tall som gjelder færre enn {t} personer, vises ikke i tabellene og figurene i rapporten. I stedet står det et kolon (:). Tall som et skjult tall kunne regnes ut fra, vises heller ikke: et annet tall i samme rad eller kolonne (som ellers kunne trekkes fra summen), eller en prosent eller et intervall regnet ut fra det skjulte tallet. Null vises, fordi det ikke peker ut noen. Regelen følger Statistisk sentralbyrå, der : betyr «Tall kan ikke offentliggjøres».',

  provenance_heading: 'Sporbarhet',
  provenance_intro:
    'Her står det som trengs for å kontrollere hva rapporten bygger på, og for å gjenta analysen. Et fingeravtrykk (SHA-256) regnes ut fra innholdet i en fil: endres så mye som ett tegn, blir fingeravtrykket et helt annet. Det kan sjekkes med for eksempel kommandoen sha256sum.',
  provenance_files_caption: 'Filene analysen bygger på',
  provenance_bytes: '{bytes} byte',
  provenance_hash_col: 'Fingeravtrykk (SHA-256)',
  provenance_file_participants: 'Deltakere',
  provenance_file_employment: 'Registerdata om arbeid',
  provenance_file_questionnaires: 'Spørreskjemasvar',
  provenance_file_plan: 'Analyseplan',
  provenance_file_evidence: 'Tidligere studier (evidensfil)',
  provenance_file_fidelity: 'Vurderinger av modelltrofasthet',
  provenance_file_allocation: 'Trekningsliste',
  provenance_file_allocation_seed: 'Trekningsliste, laget på nytt fra startverdien i planen',
  provenance_no_allocation: 'Ingen trekningsliste ble levert.',
  provenance_seed_term: 'Startverdi for tilfeldige trekk (seed)',
  provenance_seed:
    '{seed}. Bootstrap, randomiseringstest og multippel imputering bruker tilfeldige trekk; med samme startverdi blir resultatene nøyaktig de samme.',
  provenance_allocation_seed_term: 'Trekningslistens startverdi',
  provenance_generator_term: 'Slumptallsgenerator',
  provenance_generator: '{generator} fra pakken {package} {version} (algoritmeversjon {algorithm})',
  provenance_software_term: 'Programvare',
  provenance_software: 'ips-rct {version} på Node.js {node}',
  provenance_packages_term: 'Pakker',
  provenance_verification_term: 'Kontroll av loddtrekningen',
  provenance_verified: 'Bekreftet: gruppene stemmer med trekningslisten.',
  provenance_failed: 'Ikke bekreftet: kontrollen fant avvik (antall: {count}). Se delen «{section}».',
  provenance_no_list: 'Ikke kontrollert: ingen trekningsliste ble levert.',
  provenance_date_term: 'Dato for kjøringen',
  provenance_sharing_heading: 'Tilgang til data og analysekode',
  provenance_sharing_none: 'Analyseplanen sier ikke hvor de avidentifiserte dataene og analysekoden kan fås.',

  ev_heading: 'Resultatet sammenlignet med annen forskning',
  ev_no_file:
    'Ingen evidensfil ble levert (evidence.csv i datamappen), så resultatet er ikke sammenlignet med andre studier her. Filen og hva den skal inneholde, er beskrevet i README.',
  ev_intro:
    'Stemmer resultatet i dette forsøket med tidligere forsøk med IPS? Her settes resultatet for arbeid ved siden av studiene i evidensfilen (evidence.csv), alle som relativ risiko: hvor mange ganger så stor andelen i arbeid var med {arm_t} som med {arm_c}, eller med IPS som med vanlig oppfølging i de andre studiene. En relativ risiko på 1 betyr ingen forskjell, 2 betyr dobbelt så stor andel.',
  ev_synthetic_all:
    'Alle de {n} studiene i evidensfilen er syntetiske: de er laget for at denne delen skal kunne vises uten ekte data. Tallene som bygger på dem, viser bare hvordan rapporten virker, ikke hva forskningen sier.',
  ev_synthetic_some:
    '{n} av de {total} studiene i evidensfilen er syntetiske: de er laget for at denne delen skal kunne vises uten ekte data. Før de er byttet ut med publiserte resultater, viser de samlede tallene bare hvordan rapporten virker, ikke hva forskningen sier.',
  ev_lead_trial: 'I dette forsøket var andelen i arbeid etter {month} måneder {rr} ganger så stor med {arm_t} som med {arm_c} ({ci}).',
  ev_lead_trial_small_numbers:
    'Resultatet for arbeid etter {month} måneder i dette forsøket er ikke tatt med, fordi antallene er så små at de skjules etter regelen for små tall.',
  ev_lead_trial_not_estimable:
    'Resultatet for arbeid etter {month} måneder i dette forsøket kan ikke regnes som relativ risiko (en gruppe har ingen deltakere med kjent utfall), så det er ikke tatt med.',
  ev_lead_no_others:
    'Ingen av studiene i evidensfilen oppgir et resultat som kan regnes om til relativ risiko, så det er ikke noe å sammenligne forsøket med (se studiene som ikke er slått sammen).',
  ev_lead_nothing_pooled: 'Ingen av studiene i evidensfilen oppgir et resultat som kan regnes om til relativ risiko, så ingenting kunne slås sammen.',
  ev_lead_others: 'De {k} tidligere studiene gir samlet en relativ risiko på {rr} ({ci}).',
  ev_lead_others_one: 'Den ene tidligere studien med relativ risiko gir {rr} ({ci}).',
  ev_position_within_lower:
    'Resultatet her er lavere enn det samlede, men innenfor det området en ny studie kan ventes å havne i ({pi}, prediksjonsintervallet). Det stemmer altså med den tidligere forskningen.',
  ev_position_within_higher:
    'Resultatet her er høyere enn det samlede, men innenfor det området en ny studie kan ventes å havne i ({pi}, prediksjonsintervallet). Det stemmer altså med den tidligere forskningen.',
  ev_position_within_same:
    'Resultatet her er omtrent som det samlede og innenfor det området en ny studie kan ventes å havne i ({pi}, prediksjonsintervallet).',
  ev_position_below:
    'Resultatet her ligger under det området en ny studie kan ventes å havne i ({pi}, prediksjonsintervallet): IPS virket svakere her enn i de tidligere studiene, mer enn forskjeller mellom studier vanligvis gir.',
  ev_position_above:
    'Resultatet her ligger over det området en ny studie kan ventes å havne i ({pi}, prediksjonsintervallet): IPS virket sterkere her enn i de tidligere studiene, mer enn forskjeller mellom studier vanligvis gir.',
  ev_position_few: 'Med bare {k} tidligere studier er prediksjonsintervallet svært usikkert.',
  ev_lead_all: 'Med dette forsøket tatt med gir de {k} studiene samlet {rr} ({ci}).',
  ev_n_of: '{k} av {n}',
  ev_pi_short: 'prediksjonsintervall {pi}',
  ev_forest_heading: 'Studiene og de samlede resultatene',
  ev_zero_cell_note: 'En celle var tom (ingen eller alle i arbeid i en gruppe), så 0,5 er lagt til i hver av de fire cellene for: {studies}.',
  ev_study_col: 'Studie',
  ev_source_col: 'Kilde',
  ev_employed_ips_col: 'I arbeid, IPS',
  ev_employed_control_col: 'I arbeid, kontroll',
  ev_ratio_col: 'Relativ risiko ({level} KI)',
  ev_weight_col: 'Vekt',
  ev_weight_random_col: 'Vekt, tilfeldige effekter',
  ev_weight_fixed_col: 'Vekt, faste effekter',
  ev_ratio_ci: '{rr} ({low}–{high})',
  ev_origin_published: 'publisert',
  ev_origin_synthetic: 'syntetisk',
  ev_origin_this_trial: 'dette forsøket',
  ev_this_trial: 'Dette forsøket',
  ev_pooled_earlier: 'Tidligere studier samlet (k = {k})',
  ev_pooled_all: 'Alle, med dette forsøket (k = {k})',
  ev_pooled_studies: 'Studiene samlet (k = {k})',
  axis_ev_risk_ratio: 'Relativ risiko for å være i arbeid, IPS mot kontroll (logaritmisk akse)',
  chart_ev_forest_title: 'Relativ risiko for å være i arbeid, per studie (dette forsøket: etter {month} måneder)',
  chart_ev_forest_description:
    'Hver rad er en studie. Firkanten er studiens relative risiko (større firkant betyr større vekt), streken er {level} konfidensintervall. Dette forsøket er den blå raden. Rutene nederst er de samlede resultatene, bredden er konfidensintervallet, og den stiplede streken er prediksjonsintervallet: der en ny studie kan ventes å havne. Til høyre for streken ved 1 var flere i arbeid med IPS. Aksen er logaritmisk.',
  chart_ev_forest_point: '{label}: relativ risiko {summary} ({level} KI)',
  chart_ev_forest_pooled_point: '{label}: relativ risiko {summary} ({level} KI), prediksjonsintervall {pi}',
  ev_reported: 'oppgitt {measure} {estimate} ({level} KI {low} til {high})',
  ev_measure_rr: 'relativ risiko',
  ev_measure_or: 'oddsratio',
  ev_measure_rd: 'forskjell i prosentpoeng',
  ev_excluded_heading: 'Studier som ikke er slått sammen',
  ev_excluded_intro: '{n} studier i evidensfilen er med i listen over kilder, men ikke i de samlede resultatene:',
  ev_excluded_odds_ratio_only:
    'Studien oppgir bare en oddsratio. Den kan ikke regnes om til relativ risiko uten andelen i arbeid i kontrollgruppen, som studien ikke oppgir, og ved så høye andeler som i IPS-forsøk ligger oddsratioen langt fra den relative risikoen.',
  ev_excluded_risk_difference_only:
    'Studien oppgir bare en forskjell i prosentpoeng. Den kan ikke regnes om til relativ risiko uten andelen i arbeid i kontrollgruppen, som studien ikke oppgir.',
  ev_excluded_no_events_either_arm: 'Ingen var i arbeid i noen av gruppene, så studien sier ingenting om den relative risikoen.',
  ev_excluded_all_events_both_arms: 'Alle var i arbeid i begge gruppene, så studien sier ingenting om den relative risikoen.',
  ev_excluded_no_effect_data: 'Studien har verken antall per gruppe eller et oppgitt resultat med intervall.',
  ev_pooled_heading: 'De samlede resultatene',
  ev_pooled_intro:
    'Den første kolonnen er de tidligere studiene uten dette forsøket: det er dem forsøket sammenlignes med. Den andre er alle studiene med dette forsøket: slik forskningen står nå.',
  ev_pooled_reading:
    'Prediksjonsintervallet er området der den sanne relative risikoen i en ny, lignende studie kan ventes å ligge. τ² er variansen mellom studiene. I² er den delen av forskjellene mellom studienes resultater som skyldes virkelige forskjeller og ikke tilfeldigheter. Q tester om studiene er mer ulike enn tilfeldigheter gir.',
  ev_col_earlier: 'Tidligere studier',
  ev_col_all: 'Alle, med dette forsøket',
  ev_col_studies: 'Studiene',
  ev_test_knha: 'Hartung–Knapp–Sidik–Jonkman',
  ev_test_z: 'normalfordelingen',
  ev_row_k: 'Studier',
  ev_row_random: 'Relativ risiko, tilfeldige effekter',
  ev_random_how: 'τ² ved {method}, intervall ved {test}',
  ev_row_pi: 'Prediksjonsintervall',
  ev_row_p: 'p-verdi (relativ risiko = 1)',
  ev_row_tau2: 'τ² (mellom studier)',
  ev_row_i2: 'I²',
  ev_row_q: 'Q (frihetsgrader), p',
  ev_q: '{q} ({df}), {p}',
  ev_row_fixed: 'Relativ risiko, faste effekter',
  ev_row_other: 'Relativ risiko, τ² ved {method}',
  ev_regression_heading: 'Henger virkningen sammen med kjennetegn ved studiene?',
  ev_regression_intro:
    'Metaregresjonen undersøker om den relative risikoen henger sammen med kjennetegn ved studiene som analyseplanen har valgt. Koeffisienten er på logaritmisk skala; kolonnen ved siden av viser hvor mange ganger den relative risikoen endres for hver enhet kjennetegnet øker.',
  ev_regression_none: 'Metaregresjonen på {moderators} kunne ikke beregnes: {reason}.',
  ev_intercept: 'Konstantledd',
  ev_regression_reading_clear:
    'For hver enhet høyere {term} blir den relative risikoen {ratio} ganger så stor ({ci}, {p}): en tydelig sammenheng.',
  ev_regression_reading_unclear:
    'For hver enhet høyere {term} blir den relative risikoen {ratio} ganger så stor ({ci}, {p}): intervallet rommer 1, så sammenhengen er ikke tydelig.',
  ev_regression_fit:
    'Modellen bygger på {k} studier med verdi for {moderators} (REML, intervall ved {test}). Etter kjennetegnene gjenstår I² = {residual}, og de forklarer {explained} av variansen mellom studiene.',
  ev_regression_missing: 'Uten verdi, og derfor ikke med: {studies}.',
  ev_regression_trial_missing:
    'Dette forsøket er ikke med, fordi analyseplanen ikke gir verdien for det (meta_analysis.trial_moderators).',
  ev_regression_aliased: 'Tatt ut fordi de ikke varierer eller følger av andre: {terms}.',
  ev_regression_caution:
    'En metaregresjon sammenligner studier, ikke personer. Med få studier er den svært usikker, og en sammenheng kan skyldes andre forskjeller mellom landene eller studiene.',
  ev_term_col: 'Ledd',
  ev_coefficient_col: 'Koeffisient (log)',
  ev_ratio_of_ratios_col: 'Endring i relativ risiko ({level} KI)',
  ev_p_col: 'p-verdi',
  ev_sensitivity_heading: 'Hvor mye avhenger resultatet av én studie?',
  ev_sensitivity_intro:
    'Analysen er gjentatt uten hver studie etter tur, og med studiene lagt til én og én etter utgivelsesår (dette forsøket sist).',
  ev_leave_one_out_range: 'Uten én studie om gangen ligger den samlede relative risikoen mellom {low} og {high}.',
  ev_sensitivity_show: 'Vis analysene uten én studie og etter år',
  ev_leave_one_out_caption: 'Uten én studie om gangen',
  ev_left_out_col: 'Studie utelatt',
  ev_cumulative_caption: 'Studiene lagt til etter år',
  ev_added_col: 'Til og med studie',
  ev_sources_heading: 'Kilder',
  ev_sources_intro: 'Evidensfilen har {rows} studier: {published} publiserte og {synthetic} syntetiske.',
  ev_sources_synthetic: 'Syntetiske (laget, ikke ekte studier): {studies}.',
  ev_this_trial_source: 'Dette forsøket: andelen i arbeid etter {month} måneder i {arm_t} og {arm_c}, fra resultatene for arbeid i denne rapporten.',
  ev_method_heading: 'Slik er det regnet ut',
  ev_method_effects:
    'Hver studies relative risiko regnes fra antall i arbeid og antall i alt i hver gruppe, eller fra en oppgitt relativ risiko med konfidensintervall. Har en studie en tom celle (ingen eller alle i arbeid i en gruppe), legges 0,5 til alle fire cellene i den studien.',
  ev_method_pooling:
    'De relative risikoene slås sammen på logaritmisk skala i en modell med tilfeldige effekter, som tillater at den sanne virkningen er ulik fra studie til studie. Variansen mellom studiene (τ²) er anslått med {method}, og resultatet med {other} står ved siden av. {interval} Resultatet med faste effekter, som antar én felles virkning, står også i tabellen.',
  ev_method_reml: 'begrenset sannsynlighetsmaksimering (REML)',
  ev_method_dl: 'DerSimonian og Lairds metode',
  ev_method_interval_auto:
    'Konfidensintervallet for det samlede resultatet er regnet med Hartung–Knapp–Sidik–Jonkmans metode når færre enn 10 studier slås sammen, ellers med normalfordelingen.',
  ev_method_interval_knha: 'Konfidensintervallet for det samlede resultatet er regnet med Hartung–Knapp–Sidik–Jonkmans metode, slik analyseplanen bestemmer.',
  ev_method_interval_z: 'Konfidensintervallet for det samlede resultatet er regnet med normalfordelingen, slik analyseplanen bestemmer.',
  ev_method_terms:
    'Studier som bare oppgir en oddsratio eller en forskjell i prosentpoeng, slås ikke sammen med de andre: å regne dem om til relativ risiko krever andelen i arbeid i kontrollgruppen, og et anslag for den ville gi en feil som intervallene ikke viser.',
  ev_method_this_trial:
    'Dette forsøket sammenlignes med de tidligere studiene slått sammen uten det, fordi en sammenligning med et resultat som inneholder forsøket, delvis ville være en sammenligning med seg selv. Det samlede resultatet med forsøket viser hvordan forskningen står når det er lagt til.',

  fid_heading: 'Modelltrofasthet (IPS-25)',
  fid_no_file:
    'Ingen vurderinger av modelltrofasthet ble levert (fidelity.csv i datamappen), så rapporten sier ikke hvor godt IPS ble gjennomført på hvert sted. Filen og hva den skal inneholde, er beskrevet i README.',
  fid_intro:
    'Modelltrofasthet sier hvor godt et sted gjennomførte IPS slik metoden er beskrevet. Den måles med IPS-25-skalaen: et vurderingsteam gir 25 punkter hvert en skår fra 1 til 5, så summen går fra 25 til 125. Her brukes hvert steds siste vurdering.',
  fid_none_complete: 'Ingen steder har en fullstendig vurdering av alle de 25 punktene.',
  fid_band_count: '{n} på nivået «{band}»',
  fid_totals: 'De {n} stedene med fullstendig vurdering fikk fra {min} til {max} av 125: {bands}.',
  fid_totals_same: 'De {n} stedene med fullstendig vurdering fikk alle {min} av 125: {bands}.',
  fid_totals_one: 'Det ene stedet med fullstendig vurdering fikk {min} av 125: {bands}.',
  fid_incomplete: 'Vurderingen er ikke fullstendig for {sites}, så summen er ikke regnet ut der.',
  fid_unrated: 'Ingen vurdering ble levert for {sites}.',
  fid_sites_heading: 'Sum og nivå per sted',
  fid_rated_on_col: 'Vurdert',
  fid_total_col: 'Sum (25–125)',
  fid_band_col: 'Nivå',
  fid_notes_col: 'Merknad',
  fid_missing_items: 'Punkt {items} ikke vurdert.',
  fid_other_rounds: 'Tidligere vurderinger ({dates}) er ikke brukt.',
  fid_band_range: '{band} {min}–{max}',
  fid_bands: 'Nivåene etter analyseplanen: {bands}.',
  fid_bands_default:
    'Nivåene er de vanlige grensene for IPS-25 ({bands}). De er ikke bekreftet i en primærkilde, så analyseplanen kan sette egne (fidelity.bands).',
  fid_items_heading: 'De 25 punktene per sted',
  fid_items_intro:
    'Kartet viser skåren på hvert av de 25 punktene for hvert sted. Mørkere betyr nærmere IPS-modellen. Punkter med lav skår viser hvor gjennomføringen kan bli bedre.',
  axis_fid_item: 'Punkt på IPS-25-skalaen',
  chart_fid_heatmap_title: 'Skår per punkt på IPS-25-skalaen, per sted',
  chart_fid_heatmap_description:
    'En rad per sted og en kolonne per punkt (1–25). Hver rute viser skåren fra 1 til 5; mørkere farge betyr høyere skår. Grå rute med strek betyr at punktet ikke ble vurdert.',
  chart_fid_heatmap_cell: '{site}, punkt {item}: skår {score}',
  chart_fid_heatmap_missing: '{site}, punkt {item}: ikke vurdert',
  chart_fid_heatmap_legend: 'Skår',
  fid_relation_heading: 'Modelltrofasthet og arbeid',
  fid_relation_intro:
    'Fikk steder med høyere modelltrofasthet flere i arbeid? Figuren viser hvert steds sum på IPS-25 mot forskjellen i andelen i arbeid mellom {arm_t} og {arm_c} på stedet etter {month} måneder.',
  axis_fid_total: 'Sum på IPS-25 (25–125)',
  chart_fid_scatter_title: 'Modelltrofasthet og forskjell i arbeid per sted, etter {month} måneder',
  chart_fid_scatter_description:
    'Hvert punkt er et sted: summen på IPS-25 bortover og forskjellen i andelen i arbeid i prosentpoeng oppover, med {level} konfidensintervall som loddrett strek. Vannrett strek ved 0 betyr ingen forskjell; de lyse loddrette strekene viser hvor et nivå begynner.',
  chart_fid_scatter_point: '{site}: sum {total}, forskjell {difference} prosentpoeng ({ci})',
  fid_difference_col: 'Forskjell {arm_t} − {arm_c} (prosentpoeng)',
  fid_difference_ci_col: '{level} KI',
  fid_r:
    'Korrelasjonen mellom summen og forskjellen i arbeid over de {n} stedene er r = {r} ({ci}; {p}).',
  fid_no_interval: 'intervallet krever minst fire steder',
  fid_spearman: 'Rangkorrelasjonen, som ikke styres av ett ytterpunkt, er {rho} ({p}).',
  fid_reference: 'Til sammenligning fant Bond og medarbeidere (2012) r = {r} mellom IPS-25 og andelen i arbeid på tvers av langt flere tiltak.',
  fid_no_r_too_few_sites: 'Med {n} steder som har både en fullstendig vurdering og en forskjell i arbeid, kan det ikke regnes ut noen korrelasjon (det trengs minst tre).',
  fid_no_r_constant_fidelity_total: 'Alle de {n} stedene har samme sum, så det kan ikke regnes ut noen korrelasjon.',
  fid_no_r_constant_risk_difference: 'Alle de {n} stedene har samme forskjell i arbeid, så det kan ikke regnes ut noen korrelasjon.',
  fid_caution_label: 'Forsiktig:',
  fid_excluded_intro: 'Ikke med i sammenligningen:',
  fid_excluded_item: '{site}: {reason}',
  fid_excluded_incomplete_rating: 'vurderingen er ikke fullstendig',
  fid_excluded_no_rating: 'ingen vurdering',
  fid_excluded_no_risk_difference: 'ingen forskjell i arbeid for stedet',
  fid_rd_no_site_subgroup: 'analyseplanen har ikke forsøkssted som undergruppe, så forskjellen per sted er ikke regnet ut',
  fid_rd_suppressed: 'forskjellen vises ikke etter regelen for små tall',
  fid_rd_not_estimable: 'forskjellen kan ikke beregnes (en gruppe mangler deltakere med kjent utfall)',

  summary_ev_label: 'Sammenlignet med annen forskning:',
  summary_ev_synthetic: '{n} av de {total} studiene i evidensfilen er syntetiske, så sammenligningen viser bare hvordan rapporten virker.',
  summary_fid_label: 'Modelltrofasthet:',
  summary_fid_relation: 'Med bare {n} steder kan ikke rapporten si om steder med høyere modelltrofasthet fikk flere i arbeid.',

  footer: 'Laget av ips-rct versjon {version}.',
} as const satisfies Record<string, string>;

/** A key of the texts table; the Bokmål table defines the set. */
export type TextKey = keyof typeof nb;

// Typed against the Bokmål keys: a missing or an extra key here is a compile error.
const en: Record<TextKey, string> = {
  report_title: 'Analysis report for {trial}',
  report_intro: 'This report was generated automatically from the delivered data, following the pre-registered analysis plan.',
  registration: 'Registration: {registration}',

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
  unverified_alert_more: 'More problems are listed under “Checking the allocation” in the section “Data quality and checks”.',

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
  baseline_summary_suppressed_note:
    ': in the rows for mean and median: mean, SD, median and quartiles are not shown for an arm in which fewer than {t} people have a value, because together these numbers can reveal each person’s value.',
  smd_suppressed_note:
    ': in the column “Standardized difference”: the difference is not shown when any number for the characteristic is hidden, because the hidden numbers could otherwise be worked out from it.',

  disclosure_flow:
    'The number of participants at each step of the trial (randomized, withdrew consent, followed up and analysed, per group and timepoint) is always shown in full, as the reporting guidelines for trials (CONSORT) require. These numbers say nothing about who has a particular characteristic or result.',
  disclosure_estimates:
    'When the number employed is hidden for a group at a timepoint, the unadjusted difference, risk ratio and odds ratio, the p-value and the best and worst cases for that timepoint are hidden too, because they are computed directly from the counts and would give them away. The adjusted results, the randomization test and the hazard ratio are shown, because they come from models and cannot be turned back into the counts. A mean is not shown when it is based on fewer than {t} people (in Table 1 and for the questionnaires fewer than {summary}).',
  disclosure_time_to_job:
    'In the table of time to first job, months are taken together where needed, so that each row has either none or at least {t} who found a job, and either none or at least {t} whose follow-up ended. The table and the curve stop before fewer than {t} are left without a job. The share who have had a job at the end of each row is the same as without taking months together.',
  disclosure_internal:
    'The file results.json that comes with the report is for internal use in the analysis and holds the exact numbers (Table 1, the subgroups and the questionnaires follow the rule there too). It must not be published. The report holds no data on individuals and no participant numbers.',
  disclosure_footnote:
    ': not shown, because the number concerns fewer than {t} people, or because such a small number could otherwise be worked out from it (for example by subtracting the other numbers from the total). This way no one can be recognized.',
  disclosure_km_merged:
    'Rows with several months (for example “3–5”): the months are taken together so that no row shows fewer than {t} who found a job or whose follow-up ended. The share is at the end of the row.',
  disclosure_km_truncated: 'The table and the curve stop before fewer than {t} were left without a job and still followed.',
  key_result_hidden:
    'The share employed in month {month} is not shown here, because it concerns too few people in at least one of the groups (see the rule on small numbers).',
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

  var_age_group: 'Age group',
  level_age_under: 'Under {age} years',
  level_age_from: '{age} years or older',
  level_age_range: '{low}–{high} years',

  key_result_heading: 'The main result',
  key_result_rates_in_month: 'After {month} months, {rate_t} of the {arm_t} group were employed, against {rate_c} of the {arm_c} group',
  key_result_rates_to_month: 'Within the first {month} months, {rate_t} of the {arm_t} group had been employed, against {rate_c} of the {arm_c} group',
  key_result_more: '{rates}: {pp} percentage points more ({ci}).',
  key_result_fewer: '{rates}: {pp} percentage points fewer (difference {difference}, {ci}).',
  key_result_same: '{rates}: no difference ({ci}).',
  key_result_not_estimable: '{rates}. The difference between the groups cannot be estimated: {reason}.',
  key_result_not_estimable_plain: '{rates}. The difference between the groups cannot be estimated.',
  key_result_no_data: 'The main result cannot be shown: at least one of the groups has no participants with a known outcome in month {month}.',
  key_result_ci: '{level} CI {low} to {high}',
  key_result_ci_explained: 'CI stands for confidence interval: the differences that agree well with the data.',
  key_result_ci_above: 'The whole interval lies above 0, so the result suggests that more people get work with {arm_t} than with {arm_c}.',
  key_result_ci_below: 'The whole interval lies below 0, so the result suggests that fewer people get work with {arm_t} than with {arm_c}.',
  key_result_ci_spans: 'The interval covers both fewer and more people in work, so the data do not show for certain whether {arm_t} leads to more or fewer people in work than {arm_c}.',
  key_result_details: 'All the numbers are in the section “Employment” further down.',

  employment_heading: 'Employment',
  employment_intro:
    'This section compares the share in work in the two groups, according to registry data. Only participants with registry data for the month are included in the calculations (those analysed); those with missing data are counted separately.',
  employment_definition_in_month: '“Employed” means registered as employed in the month in question.',
  employment_definition_to_month: '“Employed” means registered as employed at least once from randomization up to and including the month in question.',
  employment_direction:
    'Every difference is {arm_t} minus {arm_c}: a positive number means more people in work in the {arm_t} group. Every ratio (risk ratio, odds ratio and hazard ratio) is {arm_t} divided by {arm_c}: 1 means no difference, above 1 means more or quicker employment in the {arm_t} group.',
  employment_table_heading: 'Share employed at each timepoint',
  work_earnings_heading: 'Months in work and total earnings',
  work_earnings_intro:
    'Among participants with registry data for every month {first}–{last}: how many months they were in work, and how much they earned in all (gross), on average. The difference is {arm_t} minus {arm_c}, with a {level} confidence interval (for earnings from resampling the data, “bootstrap”).',
  work_earnings_measure_col: 'Measure',
  work_earnings_mean_col: '{arm}: mean (number)',
  work_earnings_difference_col: 'Difference ({level} CI)',
  work_months_row: 'Months in work',
  earnings_row: 'Total gross earnings, NOK',
  employment_result_col: 'Result',
  employment_month_col: 'Month {month}',
  employment_month_primary_col: 'Month {month} (primary outcome)',
  employment_employed_row: 'Employed, of those analysed',
  employment_rate_ci_row: '{level} CI for the share',
  employment_missing_row: 'Missing data (not analysed)',
  employment_difference_group: 'Difference between the groups',
  employment_rd_row: 'Difference, percentage points ({arm_t} minus {arm_c})',
  employment_rr_row: 'Risk ratio ({arm_t} divided by {arm_c})',
  employment_or_row: 'Odds ratio ({arm_t} divided by {arm_c})',
  employment_p_row: 'p-value',
  employment_test_row: 'Test for the p-value',
  employment_adjusted_group: 'Adjusted for {variables}',
  employment_aor_row: 'Adjusted odds ratio ({arm_t} divided by {arm_c})',
  employment_model_n_row: 'Participants in the adjusted model',
  employment_ard_row: 'Adjusted difference, percentage points ({arm_t} minus {arm_c})',
  employment_randomization_p_row: 'p-value from the randomization test',
  employment_bounds_group: 'How much could missing data change the result?',
  employment_worst_row: 'Worst case for {arm_t}: difference, percentage points',
  employment_best_row: 'Best case for {arm_t}: difference, percentage points',
  count_of_n: '{count} of {n} ({percent})',
  x_of_n: '{count} of {n}',
  estimate_ci: '{estimate} ({low} to {high})',
  interval: '{low} to {high}',
  test_pearson_chi_square: 'Pearson’s chi-squared test',
  test_fisher_exact: 'Fisher’s exact test',
  not_estimable: 'cannot be estimated',
  none_missing: 'none missing',

  note_haldane: '0.5 was added to each of the four cells of the two-by-two table (employed or not, per group) because one of them was 0; otherwise the ratio cannot be computed (Haldane–Anscombe correction).',
  note_correction_other: 'Correction applied: {correction}.',
  note_not_estimable: 'Cannot be estimated: {reason}.',
  reason_no_events: 'nobody was employed in either group',
  reason_all_events: 'everybody was employed in both groups',
  reason_no_data: 'at least one of the groups has no participants with data',
  reason_empty_arm: 'one of the groups has nobody with data in this subgroup',
  reason_suppressed: 'the numbers are hidden by the small-cell rule (one of them concerns too few people)',
  reason_arm_not_estimable: 'in the model, the groups cannot be told apart from the other characteristics',
  reason_all_outcomes_equal: 'everybody has the same outcome (everybody or nobody is employed)',
  note_equal_outcomes_zero: 'Everybody has the same outcome (everybody or nobody is employed), so the difference is 0.',
  note_firth_standardized: 'The model behind the number was fitted with Firth’s method, because the usual model gives no finite numbers for these data.',
  note_interaction_one_level: 'The interaction cannot be tested: only one subgroup has data.',
  note_interaction_all_equal: 'The interaction cannot be tested: everybody has the same outcome (everybody or nobody is employed).',
  note_interaction_not_estimable: 'The interaction cannot be tested: the model has too little information about it.',
  note_interaction_separation:
    'Everybody or nobody in some combination of group and subgroup is employed (separation), so the p-value for interaction is uncertain.',
  note_unknown_null: 'Cannot be estimated ({note}).',
  note_unknown: 'Note: {note}.',
  note_firth_separation:
    'Estimated with Firth’s method, because the usual model gives no finite number when everybody or nobody in some combination of group and characteristics is employed (separation).',
  note_firth: 'Estimated with Firth’s method, because the usual model found no stable solution.',
  note_separation: 'Everybody or nobody in some combination of group and characteristics is employed (separation), so the number is uncertain.',
  note_not_converged: 'The model found no stable solution, so the number is uncertain.',
  note_failed_resamples: '{failed} of {resamples} bootstrap resamples could not be used.',

  employment_note_rd: 'Difference in percentage points: the share employed in {arm_t} minus the share in {arm_c}. From 27% to 37%, for example, is 10 percentage points.',
  employment_note_ratios:
    'Risk ratio: the share employed in {arm_t} divided by the share in {arm_c}. The odds ratio compares the odds of being employed (employed against not employed) in the same way. For both, 1 means no difference.',
  employment_note_ci:
    '{level} CI (confidence interval): the values that agree well with the data. When the interval for a difference does not contain 0, or the interval for a ratio does not contain 1, this suggests a real difference between the groups.',
  employment_note_p:
    'p-value: how likely a difference at least as large as the one observed would be if the intervention had no effect. Small values (below 0.05, say) suggest a real difference. The test is Pearson’s chi-squared test, or Fisher’s exact test when the groups are too small for it.',
  employment_note_adjusted:
    'Adjusted numbers take {variables} into account, as the analysis plan specifies. The adjusted difference compares what the model predicts if everybody had received {arm_t} with what it predicts if everybody had received {arm_c} (standardization, “g-computation”); its interval comes from drawing new samples from the data (bootstrap, {resamples} resamples).',
  employment_note_randomization:
    'Randomization test: the groups were drawn again {permutations} times following the trial’s own design; the p-value is how often the difference then came out at least as large as the one observed.',
  employment_note_bounds:
    'Worst case for {arm_t}: the difference if everybody with missing data in {arm_t} was not employed and everybody with missing data in {arm_c} was. The best case is the reverse. They show how much the missing data could change the result at the very most.',
  employment_note_primary: 'The primary outcome (month {month}) was fixed in advance; the other timepoints are secondary analyses.',

  chart_employment_title: 'Share employed each month',
  chart_employment_description:
    'Lines show the share of each group that was employed in each month, from month {first} to month {last} after randomization. The coloured band around each line is the {level} confidence interval.',
  chart_employment_point: '{arm}, month {month}: {rate} employed ({ci})',
  chart_employment_point_hidden: '{arm}, month {month}: not shown (too few people)',
  axis_months_since_randomization: 'Months since randomization',
  axis_share_employed: 'Share employed',
  month_col: 'Month',
  employed_of_col: '{arm}: employed of those analysed',
  share_ci_col: '{arm}: share ({level} CI)',

  time_to_job_heading: 'Time to first job',
  time_to_job_intro:
    'The curves show the share of each group that had had at least one job, month by month after randomization. Those who have not found a job count for as long as there are registry data for them (the Kaplan–Meier method).',
  chart_time_to_job_title: 'Share who have had a job, by months since randomization',
  chart_time_to_job_description:
    'Step curves, one per group, show the share who have had at least one job by each month; the band is the {level} confidence interval. The earlier and higher a curve rises, the sooner its participants found work.',
  chart_time_to_job_line: '{arm}: share who have had a job, {share} after {month} months',
  axis_share_had_job: 'Share who have had a job',
  time_to_job_arm: '{arm}: {events} of {analysed} analysed found a job during follow-up ({at_zero} of them were already employed in the month they were randomized).',
  time_to_job_no_registry: '{n} without registry data are not included.',
  time_to_job_median: 'Median time to first job: {months} months ({level} CI {low} to {high}).',
  time_to_job_median_not_reached: 'Median time to first job: not reached, because fewer than half found a job during follow-up.',
  not_reached: 'not reached',
  time_to_job_log_rank: 'Difference between the curves: {p} (log-rank test).',
  time_to_job_log_rank_none: 'The difference between the curves cannot be tested: nobody found a job while both groups were followed.',
  time_to_job_hazard_ratio:
    'Hazard ratio {hr} ({level} CI {low} to {high}; {p}): among those who had not yet had a job, participants in {arm_t} found one {hr} times as often per month as participants in {arm_c} ({arm_t} divided by {arm_c}).',
  time_to_job_hazard_ratio_none: 'The hazard ratio ({arm_t} divided by {arm_c}) {reason}.',
  cox_hr_infinite: 'cannot be given as a number: it tends to infinity',
  cox_hr_zero: 'cannot be given as a number: it tends to 0',
  cox_no_information: 'cannot be estimated: nobody found a job while both groups were followed',
  cox_not_converged: 'cannot be estimated: the model found no stable solution',
  time_to_job_at_risk_col: 'Not yet employed and followed',
  time_to_job_events_col: 'Found a first job',
  time_to_job_censored_col: 'Follow-up ended without a job',
  time_to_job_share_col: 'Have had a job ({level} CI)',
  share_ci: '{share} ({low} to {high})',

  subgroups_heading: 'Subgroups',
  subgroups_intro:
    'The figure shows the difference in the share employed in month {month} ({arm_t} minus {arm_c}, percentage points) in subgroups fixed in advance. The subgroups are smaller than the whole trial, so the intervals are wider and the numbers less certain.',
  subgroups_interaction_explained:
    'The p-value for interaction shows whether the difference between the groups varies between the subgroups more than chance would explain. A small p-value (below 0.05, say) suggests that the intervention works differently in the subgroups.',
  chart_subgroups_title: 'Difference in the share employed in month {month}, by subgroup',
  chart_subgroups_description:
    'Points show the difference in percentage points ({arm_t} minus {arm_c}) in each subgroup, and the horizontal lines the {level} confidence interval. The vertical line at 0 means no difference; to its right, more people are employed in the {arm_t} group.',
  chart_subgroups_point: '{label}: {estimate} percentage points ({ci})',
  chart_value_hidden: 'not shown (too few people)',
  axis_difference_pp: 'Difference in percentage points ({arm_t} minus {arm_c})',
  subgroup_col: 'Subgroup',
  subgroup_n_col: '{arm}, n',
  subgroup_difference_col: 'Difference ({level} CI)',
  subgroup_interaction: 'interaction: {p}',
  subgroup_all: 'All participants',
  subgroup_missing_level: 'Missing',

  qol_heading: 'Quality of life and health',
  qol_intro:
    'Participants filled in questionnaires at the start and after {months} months. The questionnaires measure {measures}. These are secondary outcomes: the trial’s primary outcome is employment.',
  qol_missing:
    'Not everyone answers. In month {month}, answers were missing from {share_t} of the participants in the {arm_t} group and {share_c} in the {arm_c} group. Those who answer may differ from those who do not. The additional analyses at the end of this section show whether that changes the results.',
  qol_missing_range: 'between {low} and {high}',
  qol_adjusted:
    'The difference between the groups is {arm_t} minus {arm_c} in the mean score at each follow-up. It is adjusted for {variables} (analysis of covariance, ANCOVA), as the analysis plan specifies. The adjustment takes account of differences that were already there at the start and makes the comparison more precise.',
  qol_baseline_score: 'the score at the start',
  qol_multiplicity:
    'In all, {count} comparisons were made (each questionnaire at each follow-up). The more comparisons, the greater the chance that at least one of them looks like a difference by chance alone. The p-values are therefore also corrected for multiple comparisons, {method}.',
  qol_method_holm: 'with Holm’s method, which keeps the chance that even one such chance difference is taken as real low',
  qol_method_bh: 'with the Benjamini–Hochberg method, which keeps the share of chance findings among the differences that look clear low',
  qol_table_heading: 'Differences between the groups at each follow-up',
  qol_when_col: 'Time',
  qol_n_col: '{arm}: answered',
  qol_mean_n_col: '{arm}: mean (answered)',
  qol_difference_col: 'Adjusted difference ({level} CI)',
  qol_p_col: 'p-value (corrected)',
  qol_p_raw: 'uncorrected: {p}',
  qol_g_col: 'Hedges’ g ({level} CI)',
  qol_reading_col: 'What it means',
  qol_measure_heading: '{measure}: scale from {min} to {max}, {direction}',
  qol_higher_better: 'higher is better',
  qol_lower_better: 'lower is better',
  qol_reading_better: 'Better with {arm_t}',
  qol_reading_worse: 'Worse with {arm_t}',
  qol_reading_none: 'No clear difference',
  qol_reading_higher: '{reading} (higher scores)',
  qol_reading_lower: '{reading} (lower scores)',
  qol_reading_not_after_correction: '{reading}, but not clear after correcting for multiple comparisons',
  qol_note_after_correction:
    'The difference is clear when this comparison is taken on its own (uncorrected p-value below {alpha}), but not after correcting for multiple comparisons (corrected p-value {alpha} or above). It may therefore be due to chance and should be read with caution.',
  qol_note_suppressed:
    ': the mean is not shown for a group in which fewer than {t} people answered, because the numbers could then reveal what each person answered.',
  qol_note_no_mean: '–: nobody in the group answered, so there is no mean.',
  qol_note_not_estimable_plain: '–: the number cannot be estimated.',
  qol_note_not_estimable: '–: cannot be estimated because {reason}.',
  qol_note_not_estimable_unknown: '–: cannot be estimated ({note}).',
  qol_note_no_g: '–: Hedges’ g cannot be estimated, because there are too few answers at the start to know how much the scores vary.',
  qol_note_outside_family: '–: this comparison is not part of the correction for multiple comparisons.',
  qol_note_no_interval: 'The interval cannot be estimated.',
  reason_no_answers_in_arm: 'one of the groups has no answers',
  reason_no_variance: 'all the answers are the same, so there is no spread to work with',
  qol_lede_difference:
    'Adjusted difference: how many points higher the mean score is in {arm_t} than in {arm_c}, on the questionnaire’s own scale (the scale is given above each questionnaire in the table). A negative number means lower scores in {arm_t}. Whether a higher score is better or worse depends on the questionnaire; the column “What it means” says so in words.',
  qol_lede_lower_better: 'For {measures}, a lower score is better.',
  qol_lede_g:
    'Hedges’ g: the difference divided by how much the scores varied between participants at the start (the standard deviation). This way questionnaires with different scales can be compared. As a rule of thumb, about {small} is a small difference, {medium} a medium one and {large} a large one.',
  qol_note_ci:
    '{level} CI (confidence interval): the differences that agree well with the data. When the whole interval lies on one side of 0, the difference is clear, and the column “What it means” says “better” or “worse”.',
  qol_note_p:
    'p-value: how likely a difference at least as large as the one observed would be if the intervention had no effect. The number on top is corrected for multiple comparisons; the uncorrected p-value is below it.',
  qol_note_n: 'Answered (the number in brackets after the mean): participants who answered the questionnaire at this time. The adjusted difference is based on those who answered both at the start and at this time.',

  chart_qol_title: 'Mean score by time and group',
  chart_qol_description:
    'One panel per questionnaire. Points show the mean score in each group at the start and at each follow-up, and the vertical lines the {level} confidence interval. The vertical axis shows only the part of the scale where the means lie, so the differences look larger than they are against the whole scale. Below the questionnaire’s name are the whole scale and whether a higher or a lower score is better.',
  chart_qol_subtitle: 'Scale from {min} to {max}, {direction}',
  chart_qol_point: '{measure}, {arm}, {when}: mean {mean} ({ci}), {n} answers',
  chart_qol_point_no_ci: '{measure}, {arm}, {when}: mean {mean}, {n} answers',
  axis_mean_score: 'Mean score',
  qol_mean_ci_col: '{arm}: mean ({level} CI)',

  qol_sensitivity_heading: 'Additional analyses: do the missing answers matter?',
  qol_sensitivity_intro:
    'The main analysis uses only participants who answered both at the start and at the follow-up. Two additional analyses use more of the data and make other assumptions about those who did not answer: a mixed model, which uses the answers from all follow-ups at once, and multiple imputation, in which missing answers are filled in {m} times with estimates based on what is known about the participant. If they give about the same answer, the missing answers are unlikely to explain the results.',
  qol_sensitivity_all_agree: 'The additional analyses give the same direction and an equally clear result as the main analysis for every questionnaire and time.',
  qol_sensitivity_agree_where_estimable: 'Where every analysis can be estimated, the additional analyses give the same direction and an equally clear result as the main analysis.',
  qol_sensitivity_some_differ:
    'For {list}, at least one additional analysis gives a different direction, or a different answer on whether the difference is clear, than the main analysis. Read these results with extra caution.',
  qol_sensitivity_not_comparable: 'For {list}, at least one of the analyses cannot be estimated.',
  qol_sensitivity_show: 'Show the table of additional analyses',
  qol_outcome_in_text: '{measure} at month {month}',
  qol_ancova_col: 'Main analysis, ANCOVA ({level} CI)',
  qol_mixed_col: 'Mixed model ({level} CI)',
  qol_mi_col: 'Multiple imputation ({level} CI)',
  qol_agree_col: 'Same conclusion as the main analysis?',
  qol_mixed_name: 'mixed model',
  qol_mi_name: 'multiple imputation',
  qol_disagree_direction: '{analysis}: opposite direction',
  qol_disagree_less_clear: '{analysis}: not clear',
  qol_disagree_more_clear: '{analysis}: clear, but the main analysis is not',
  qol_disagree_missing: '{analysis}: cannot be estimated',
  qol_df: 'degrees of freedom: {df}',
  qol_fmi: 'missing information: {fmi}',
  qol_note_mixed:
    'Mixed model: uses the answers from all follow-ups in one model, including those of participants who answered at only some of them. The degrees of freedom, which decide how wide the interval is, were computed with Satterthwaite’s method.',
  qol_note_mi:
    'Multiple imputation: missing answers were filled in {m} times with estimates based on what is known about the participant. The main analysis was run on each of the {m} data sets and the results were combined (Rubin’s rules). “Missing information” is how much of the uncertainty is due to answers that are missing.',
  qol_note_agree:
    'Same conclusion: the additional analysis points the same way as the main analysis (the same sign), and the difference is clear in both or in neither (the interval lies wholly on one side of 0, or includes 0).',

  cb_heading: 'Costs and benefits',
  cb_lead:
    'For {arm_t} to pay for its extra cost within {months} months, each extra person in work would have to earn about {wage} a month before tax ({annual} a year).',
  cb_lead_interval: 'The uncertainty range is {low} to {high} a month.',
  cb_lead_interval_open: 'The uncertainty range is from {low} a month upward; in some resamples no wage pays for it.',
  cb_lead_times: 'That is about {times} times the reference wage of {reference} a month.',
  cb_lead_same: 'That is about the same as the reference wage of {reference} a month.',
  cb_lead_share: 'That is about {share} of the reference wage of {reference} a month.',
  cb_lead_no_employment_effect:
    '{arm_t} gave no more months in work than {arm_c} in this trial, so no wage pays for its extra cost of {cost} per participant.',
  cb_lead_no_extra_cost: '{arm_t} cost no more per participant than {arm_c}, so any extra work that {arm_t} brings is a gain.',
  cb_lead_covered_without_wage: 'The benefits saved alone cover the extra cost of {arm_t}, whatever the wage.',
  cb_lead_not_estimable: 'The break-even wage cannot be estimated.',
  cb_lead_definition:
    'The break-even wage is the monthly wage at which the value of the extra work just covers the extra cost. If those who get work earn more than this, {arm_t} pays for itself; if they earn less, it does not.',
  cb_lead_public:
    'For the public budget, which receives income tax and employer’s contribution on the wage and no longer pays benefits, the break-even wage is about {wage} a month (uncertainty range {range}).',
  cb_lead_public_no_range:
    'For the public budget, which receives income tax and employer’s contribution on the wage and no longer pays benefits, the break-even wage is about {wage} a month.',
  cb_lead_public_covered: 'For the public budget, the benefits saved alone cover the extra cost, whatever the wage.',
  cb_lead_public_not_estimable: 'For the public budget, the break-even wage cannot be estimated.',
  cb_note_reference: 'Reference wage: {source}',

  cb_method_heading: 'How it is calculated',
  cb_method_idea:
    'The calculation weighs what {arm_t} costs per participant on top of {arm_c} against the value of the extra months in work that {arm_t} brings, and finds the wage at which the two are equal.',
  cb_months_more: 'Extra months in work (ΔM): with {arm_t}, participants were in work {months} months more on average than with {arm_c} over the {window} months{range}.',
  cb_months_fewer: 'Extra months in work (ΔM): with {arm_t}, participants were in work {months} months less on average than with {arm_c} over the {window} months{range}.',
  cb_range_paren: ' ({level} uncertainty range: {low} to {high})',
  cb_months_discount:
    'ΔM is the sum, month by month, of the difference in the share in work. Later months count a little less, because a gain now is worth more than the same gain later (discounting at {rate} a year). Without discounting, ΔM is {undiscounted} months.',
  cb_cost_more: 'Extra cost (ΔC): {arm_t} cost {cost} more per participant than {arm_c} ({costs}, at {year} prices).',
  cb_cost_less: 'Extra cost (ΔC): {arm_t} cost {cost} less per participant than {arm_c} ({costs}, at {year} prices).',
  cb_cost_same: 'Extra cost (ΔC): none. {arm_t} and {arm_c} cost the same per participant ({costs}, at {year} prices).',
  cb_arm_cost: '{arm} {cost}',
  cb_society_words:
    'Society: an extra month in work is worth what the work creates. This is taken to be the gross wage plus the employer’s contribution (the employer’s labour cost), times the productivity share. The break-even wage for society is the extra cost divided by the extra months and by this mark-up:',
  cb_public_words:
    'Public budget: an extra month in work brings income tax and employer’s contribution on the wage, and the public purse no longer pays the benefit the person would otherwise have received. The break-even wage for the public budget is therefore:',
  cb_benefits_why:
    'Benefits saved count only for the public budget. A benefit moves money from the public purse to a person; for society as a whole it is neither a cost nor a gain. For society, only what is actually created counts: the work.',
  cb_months_formula_words: 'The extra months in work are calculated as:',
  cb_symbols: 'The symbols in the formulas:',
  cb_sym_w: 'the break-even wage, a gross monthly wage (before tax)',
  cb_sym_dc: 'extra cost per participant, here {value}',
  cb_sym_dm: 'extra months in work per participant, here {value}',
  cb_sym_e: 'employer’s contribution as a share of the gross wage, here {value}',
  cb_sym_pi: 'productivity share: how much of the labour cost counts as value created, here {value}',
  cb_sym_t: 'average income tax as a share of the gross wage, here {value}',
  cb_sym_b: 'benefits saved per extra month in work, here {value}',
  cb_sym_p: 'the share in work in month m in each group',
  cb_sym_window: 'the number of months in the trial period, here {value}',
  cb_sym_r: 'annual discount rate, here {value}',
  cb_n_months: '{n} months',

  cb_scenarios_heading: 'If the effect lasts longer',
  cb_scenarios_intro:
    'The trial followed participants for {window} months, but the effect of {arm_t} may last longer. The scenarios below assume that the difference in the share in work at the end of the trial ({points} percentage points, the average over the last {last_months} months) continues for some time afterwards, at the same size or gradually smaller. These are assumptions, not something the trial measured.',
  cb_col_scenario: 'Scenario',
  cb_col_months: 'Extra months in work per participant',
  cb_col_society: 'Society',
  cb_col_public: 'Public budget',
  cb_col_break_even: 'Break-even wage per month',
  cb_col_npv: 'Net per participant at the reference wage',
  cb_scenario_window: 'The effect ends when the trial ends, after {months} months',
  cb_scenario_constant: 'The effect lasts {duration} longer, at its size at the end of the trial',
  cb_scenario_decay: 'The effect lasts {duration} longer, shrinking by {decay} each year',
  cb_scenario_window_short: 'Trial period only',
  cb_scenario_constant_short: 'Lasts {duration} longer',
  cb_scenario_decay_short: 'Lasts {duration} longer, shrinking {decay} a year',
  cb_years: '{n} years',
  cb_year_one: '1 year',
  cb_gain: 'gain\u00a0{amount}',
  cb_loss: 'loss\u00a0{amount}',
  cb_range_open: 'from {low} upward',
  cb_none_no_employment_effect: 'No wage (no extra work)',
  cb_none_no_extra_cost: 'Any wage (no extra cost)',
  cb_none_covered_without_wage: 'Any wage (benefits saved cover the cost)',
  cb_none_wage_brings_no_revenue: 'No wage (the wage brings neither tax nor contribution)',
  cb_note_open_interval:
    'In some resamples {arm_t} gave no more work than {arm_c}, and then no wage pays for it. The uncertainty range therefore has no upper end.',
  cb_table_lede:
    'Break-even wage: the monthly wage at which {arm_t} pays for itself in the scenario. Net per participant: the value of the extra months in work at the reference wage ({reference} a month) minus the extra cost. Below each estimate is its {level} uncertainty range. Amounts are rounded.',
  cb_gain_some: 'At the reference wage, {arm_t} is a net gain for {perspective} in {list}, but not in the other scenarios.',
  cb_gain_all: 'At the reference wage, {arm_t} is a net gain for {perspective} in every scenario.',
  cb_gain_none: 'At the reference wage, {arm_t} is not a net gain for {perspective} in any scenario.',
  cb_perspective_society: 'society',
  cb_perspective_public: 'the public budget',
  cb_quoted: '“{label}”',
  cb_uncertain_note:
    'When the uncertainty range of the net value runs from a loss to a gain, the data cannot show for certain whether {arm_t} pays for itself in that scenario.',

  cb_uncertainty_heading: 'How certain is it that {arm_t} pays for itself?',
  cb_uncertainty_intro:
    'To find the uncertainty, {resamples} new samples of participants were drawn from the trial (bootstrap, within each group), and everything was calculated again for each sample. The curves show, for each monthly wage, the share of samples in which {arm_t} is a net gain. The higher the wage, the more the extra work is worth, and the more often {arm_t} pays for itself.',
  chart_cb_acceptability_title: 'Probability that {arm_t} pays for itself, by monthly wage',
  chart_cb_acceptability_description:
    'Two panels, society on the left and the public budget on the right. The lines, one per scenario, show the share of bootstrap resamples in which {arm_t} is a net gain at each gross monthly wage, from 0 to 100%. The dashed vertical line is the reference wage, {reference} a month.',
  chart_cb_line: '{perspective}: {scenario}',
  cb_reference_label: 'Reference wage {reference}',
  axis_monthly_wage: 'Gross monthly wage (NOK)',
  axis_probability_gain: 'Probability of a net gain',
  cb_wage_col: 'Gross monthly wage',

  cb_sensitivity_heading: 'Which assumptions matter most?',
  cb_sensitivity_intro:
    'The break-even wage rests on assumptions that are uncertain. The figure shows how much society’s break-even wage over the trial period changes when one assumption at a time is set to a low and a high value, the rest kept as in the base case (one-way sensitivity analysis). The longest bar, at the top, is the assumption that matters most.',
  cb_sensitivity_none: 'The sensitivity figure is not shown, because there is no break-even wage in the base case to compare with.',
  chart_cb_tornado_title: 'Society’s break-even wage when one assumption changes',
  chart_cb_tornado_description:
    'One bar per assumption, the widest at the top. Each bar runs from the base case, the vertical line at {base}, to the break-even wage with the assumption at its low value (one colour) and at its high value (the other). An arrow to the right edge means that no wage pays for it at that value; an arrow to the left edge means that it pays at any wage. On the right are the values and break-even wages in numbers.',
  cb_param_employment_effect: 'Extra months in work',
  cb_param_cost_difference: 'Extra cost per participant',
  cb_param_discount_rate: 'Discount rate',
  cb_param_employer_contribution_rate: 'Employer’s contribution',
  cb_param_productivity_share: 'Productivity share',
  cb_low: 'Low value',
  cb_high: 'High value',
  cb_low_short: 'Low',
  cb_high_short: 'High',
  cb_tornado_end: '{which}: {value} → {wage}',
  cb_no_break_even: 'no break-even',
  cb_any_wage: 'any wage',
  cb_base_label: 'Base case {wage}',
  axis_break_even_wage: 'Break-even wage per month (NOK)',
  cb_param_col: 'Assumption',
  cb_at_low_col: 'Break-even wage at the low value',
  cb_at_high_col: 'Break-even wage at the high value',
  cb_amount_more: '{amount} more',
  cb_amount_less: '{amount} less',

  cb_cheers_heading: 'How the calculation was done (CHEERS 2022)',
  cb_cheers_intro: 'CHEERS 2022 is a checklist of what a health economic evaluation should report. These are the items that apply to this calculation.',
  cb_cheers_perspective: 'Perspective',
  cb_cheers_perspective_text:
    'Society as a whole (the value of the work done) and the public budget (income tax and employer’s contribution on the wage, and benefits saved).',
  cb_cheers_horizon: 'Time horizon',
  cb_cheers_horizon_text: 'The trial’s {window} months. In the scenarios the effect lasts a further {years}.',
  cb_cheers_horizon_window_only: 'The trial’s {window} months.',
  cb_cheers_discount: 'Discount rate',
  cb_cheers_discount_text: '{rate} a year, applied month by month. Costs are taken as paid at randomization and are not discounted.',
  cb_cheers_price: 'Price year and currency',
  cb_cheers_price_text: 'All amounts are in Norwegian kroner (NOK), at {year} prices.',
  cb_cheers_costs: 'Costs',
  cb_cheers_costs_text: 'Programme cost per participant: {costs}.',
  cb_cheers_outcome: 'Outcome',
  cb_cheers_outcome_text:
    'Extra months in work per participant, from registry data, valued at the gross monthly wage. The reference wage is {reference} a month.',
  cb_cheers_uncertainty: 'Uncertainty',
  cb_cheers_uncertainty_text:
    'Bootstrap with {resamples} resamples, drawn within each group. The uncertainty ranges are {level} percentile intervals: the middle {level} of the resamples. Also a one-way sensitivity analysis of {parameters}.',
  cb_params_show: 'Show every value the calculation uses',
  cb_params_name_col: 'Parameter',
  cb_params_value_col: 'Value',
  cb_p_currency: 'Currency',
  cb_p_price_year: 'Price year',
  cb_p_cost: 'Cost per participant, {arm}',
  cb_p_window: 'Trial period in the calculation',
  cb_p_tax: 'Average income tax',
  cb_p_benefits: 'Benefits saved per extra month in work',
  cb_p_reference: 'Reference wage',
  cb_p_last_effect: 'The effect at the end of the trial',
  cb_p_scenario: 'Scenario',
  cb_p_sensitivity: 'Sensitivity range: {parameter}',
  cb_p_resamples: 'Bootstrap resamples',
  cb_per_year: '{value} a year',
  cb_per_month: '{amount} a month',
  cb_of_gross: '{value} of the gross wage',
  cb_of_labour_cost: '{value} of the labour cost',
  cb_last_months: 'the average over the last {n} months',

  toc_label: 'Contents',

  summary_heading: 'Summary',
  summary_employment_label: 'Employment, the primary outcome:',
  summary_qol_label: 'Quality of life and health (secondary outcomes):',
  summary_cb_label: 'Costs and benefits:',
  summary_caveats_label: 'Caveats:',
  summary_qol_better: 'After {month} months, the {arm_t} group did better than the {arm_c} group on {measures}.',
  summary_qol_worse: 'After {month} months, the {arm_t} group did worse than the {arm_c} group on {measures}.',
  summary_qol_clear_means: 'Only differences that stay clear after the adjustment for multiple comparisons count here.',
  summary_qol_no_clear: 'There was no clear difference in {measures}.',
  summary_qol_none_clear:
    'After {month} months, there was no clear difference between the groups on any of the measures ({measures}) after the adjustment for multiple comparisons.',
  summary_qol_not_estimable: 'For {measures}, the difference could not be estimated.',
  summary_qol_missing:
    'At this follow-up, answers were missing from {share_t} of the {arm_t} group and {share_c} of the {arm_c} group. Those who answered may differ from those who did not.',
  summary_qol_no_comparison: 'The questionnaires could not be compared between the groups at any follow-up.',
  summary_cb_none: 'The analysis plan has no cost section, so the report does not weigh costs against benefits.',
  summary_caveat_failed:
    'The check of the randomization found problems, so it is not confirmed that participants got the group they were allocated to. Read all results with caution.',
  summary_caveat_no_list: 'No allocation list was supplied, so it could not be checked that participants got the group they were allocated to.',
  summary_caveat_missing:
    'Registry data for month {month} are missing for {n_t} of the participants in the {arm_t} group and {n_c} in the {arm_c} group; they are not part of the main result.',
  summary_caveat_missing_robust: 'Even if all of them had had the outcome least favourable to this conclusion, the interval would lie on the same side of 0.',
  summary_caveat_missing_fragile:
    'If all of them had had the outcome least favourable to this conclusion, the interval would include 0: the missing data could change the conclusion.',
  summary_caveat_small:
    'The trial is small: the main analysis is based on {n} participants. The intervals are then wide, and a real but moderate difference can go unnoticed.',
  summary_more: 'All the numbers, and how they were worked out, are in the sections below.',

  methods_heading: 'The trial and its methods',
  methods_intro:
    'The analyses follow the analysis plan, which was fixed before the data were seen. These are the main points of how the trial and the analyses were done.',
  methods_arms_term: 'Groups',
  methods_arms: 'Participants were allocated to {arm_t} (the intervention) or {arm_c} (the control group). In all, {n} people were randomized: {counts}.',
  methods_arm_count: '{n} to {arm}',
  methods_sites_term: 'Sites',
  methods_sites: '{n} sites: {sites}.',
  methods_sites_one: 'One site: {sites}.',
  methods_randomization_term: 'Randomization',
  methods_followup_term: 'Follow-up',
  methods_followup:
    'Employment was followed month by month in registry data, from month {first} to month {last} after randomization, and the groups are compared after {timepoints} months.',
  methods_primary_term: 'Primary outcome',
  methods_primary_in_month:
    'The share employed in month {month}, according to registry data. It was fixed in advance; the other results are secondary analyses.',
  methods_primary_to_month:
    'The share who had been employed at least once up to and including month {month}, according to registry data. It was fixed in advance; the other results are secondary analyses.',
  methods_questionnaires_term: 'Questionnaires',
  methods_questionnaires: 'At baseline and after {months} months, on {measures}. These are secondary outcomes.',
  methods_questionnaires_baseline: 'At baseline, on {measures}.',
  methods_adjustment_term: 'Adjustment',
  methods_adjustment: 'Adjusted analyses take {variables} into account, as the analysis plan says.',
  methods_adjustment_qol: 'The questionnaire comparisons are also adjusted for the score at baseline.',
  methods_interval_term: 'Interval (CI)',
  methods_interval:
    'Uncertainty is shown as a {level} confidence interval (CI): the values that agree well with the data. When the whole interval for a difference lies above or below 0, the difference is clear.',
  methods_p_term: 'p-value',
  methods_p:
    'How likely a difference at least as large as the one observed would be if the intervention had no effect. The smaller the p-value, the more strongly it suggests a real difference.',
  methods_multiplicity_term: 'Multiple comparisons',
  methods_multiplicity:
    'The questionnaires give {count} comparisons. The more comparisons, the greater the chance that one looks clear by chance alone, so their p-values are adjusted with {method}.',
  methods_holm: 'Holm’s method',
  methods_bh: 'the Benjamini–Hochberg method',

  data_quality_heading: 'Data quality and checks',
  data_quality_intro:
    'This section shows what data came in, how the files were written, what was found when they were read, and whether the groups match the randomization.',
  disclosure_heading: 'The small-numbers rule',
  disclosure_rule:
    'Numbers that concern fewer than {t} people are not shown in the tables and figures of this report; a colon (:) stands in their place. Numbers from which a hidden number could be worked out are not shown either: another number in the same row or column (which could otherwise be subtracted from the total), or a percentage or interval computed from the hidden number. Zero is shown, since it points to no one. The rule follows Statistics Norway, where : means “not for publication”.',

  provenance_heading: 'Provenance',
  provenance_intro:
    'This section gives what is needed to check what the report is built on, and to repeat the analysis. A fingerprint (SHA-256) is worked out from the contents of a file: change a single character and the fingerprint is completely different. It can be checked with, for example, the command sha256sum.',
  provenance_files_caption: 'The files the analysis is built on',
  provenance_bytes: '{bytes} bytes',
  provenance_hash_col: 'Fingerprint (SHA-256)',
  provenance_file_participants: 'Participants',
  provenance_file_employment: 'Registry data on employment',
  provenance_file_questionnaires: 'Questionnaire answers',
  provenance_file_plan: 'Analysis plan',
  provenance_file_evidence: 'Earlier studies (evidence file)',
  provenance_file_fidelity: 'Fidelity ratings',
  provenance_file_allocation: 'Allocation list',
  provenance_file_allocation_seed: 'Allocation list, regenerated from the seed in the plan',
  provenance_no_allocation: 'No allocation list was supplied.',
  provenance_seed_term: 'Seed of the random draws',
  provenance_seed:
    '{seed}. The bootstrap, the randomization test and the multiple imputation use random draws; the same seed gives exactly the same results.',
  provenance_allocation_seed_term: 'Seed of the allocation list',
  provenance_generator_term: 'Random number generator',
  provenance_generator: '{generator} from the package {package} {version} (algorithm version {algorithm})',
  provenance_software_term: 'Software',
  provenance_software: 'ips-rct {version} on Node.js {node}',
  provenance_packages_term: 'Packages',
  provenance_verification_term: 'Allocation check',
  provenance_verified: 'Confirmed: the groups match the allocation list.',
  provenance_failed: 'Not confirmed: the check found problems (number: {count}). See the section “{section}”.',
  provenance_no_list: 'Not checked: no allocation list was supplied.',
  provenance_date_term: 'Date of the run',
  provenance_sharing_heading: 'Access to the data and the analysis code',
  provenance_sharing_none: 'The analysis plan does not state where the de-identified data and the analysis code can be obtained.',

  ev_heading: 'Evidence in context',
  ev_no_file:
    'No evidence file was delivered (evidence.csv in the data folder), so the result is not set beside other studies here. The README describes the file and what it must contain.',
  ev_intro:
    "Does this trial's result agree with earlier trials of IPS? Here the employment result is set beside the studies in the evidence file (evidence.csv), all as risk ratios: how many times as large the share in work was with {arm_t} as with {arm_c}, or with IPS as with usual services in the other studies. A risk ratio of 1 means no difference, 2 a share twice as large.",
  ev_synthetic_all:
    'All {n} studies in the evidence file are synthetic: invented so that this section can be shown without real data. The numbers built on them only show how the report works, not what the evidence says.',
  ev_synthetic_some:
    '{n} of the {total} studies in the evidence file are synthetic: invented so that this section can be shown without real data. Until they are replaced by published results, the pooled numbers only show how the report works, not what the evidence says.',
  ev_lead_trial: 'In this trial, the share in work after {month} months was {rr} times as large with {arm_t} as with {arm_c} ({ci}).',
  ev_lead_trial_small_numbers:
    "This trial's employment result after {month} months is not included, because its counts are so small that the small-numbers rule hides them.",
  ev_lead_trial_not_estimable:
    "This trial's employment result after {month} months cannot be written as a risk ratio (a group has no participants with a known outcome), so it is not included.",
  ev_lead_no_others:
    'None of the studies in the evidence file reports a result that can be turned into a risk ratio, so there is nothing to set this trial beside (see the studies not pooled).',
  ev_lead_nothing_pooled: 'None of the studies in the evidence file reports a result that can be turned into a risk ratio, so nothing could be pooled.',
  ev_lead_others: 'Pooled, the {k} earlier studies give a risk ratio of {rr} ({ci}).',
  ev_lead_others_one: 'The one earlier study with a risk ratio gives {rr} ({ci}).',
  ev_position_within_lower:
    'The result here is lower than the pooled one, but within the range in which a new study can be expected to fall ({pi}, the prediction interval). So it agrees with the earlier evidence.',
  ev_position_within_higher:
    'The result here is higher than the pooled one, but within the range in which a new study can be expected to fall ({pi}, the prediction interval). So it agrees with the earlier evidence.',
  ev_position_within_same:
    'The result here is about the pooled one, and within the range in which a new study can be expected to fall ({pi}, the prediction interval).',
  ev_position_below:
    'The result here lies below the range in which a new study can be expected to fall ({pi}, the prediction interval): IPS worked less well here than in the earlier studies, by more than differences between studies usually give.',
  ev_position_above:
    'The result here lies above the range in which a new study can be expected to fall ({pi}, the prediction interval): IPS worked better here than in the earlier studies, by more than differences between studies usually give.',
  ev_position_few: 'With only {k} earlier studies, the prediction interval is very uncertain.',
  ev_lead_all: 'With this trial added, the {k} studies pool to {rr} ({ci}).',
  ev_n_of: '{k} of {n}',
  ev_pi_short: 'prediction interval {pi}',
  ev_forest_heading: 'The studies and the pooled results',
  ev_zero_cell_note: 'A cell was empty (nobody or everybody in work in a group), so 0.5 is added to each of the four cells for: {studies}.',
  ev_study_col: 'Study',
  ev_source_col: 'Source',
  ev_employed_ips_col: 'In work, IPS',
  ev_employed_control_col: 'In work, control',
  ev_ratio_col: 'Risk ratio ({level} CI)',
  ev_weight_col: 'Weight',
  ev_weight_random_col: 'Weight, random effects',
  ev_weight_fixed_col: 'Weight, fixed effect',
  ev_ratio_ci: '{rr} ({low}–{high})',
  ev_origin_published: 'published',
  ev_origin_synthetic: 'synthetic',
  ev_origin_this_trial: 'this trial',
  ev_this_trial: 'This trial',
  ev_pooled_earlier: 'Earlier studies pooled (k = {k})',
  ev_pooled_all: 'All, with this trial (k = {k})',
  ev_pooled_studies: 'The studies pooled (k = {k})',
  axis_ev_risk_ratio: 'Risk ratio of being in work, IPS over control (logarithmic axis)',
  chart_ev_forest_title: 'Risk ratio of being in work, by study (this trial: after {month} months)',
  chart_ev_forest_description:
    "Each row is a study. The square is the study's risk ratio (a larger square weighs more), the line its {level} confidence interval. This trial is the blue row. The diamonds at the bottom are the pooled results, their width the confidence interval, and the dashed line the prediction interval: where a new study can be expected to fall. Right of the line at 1, more people were in work with IPS. The axis is logarithmic.",
  chart_ev_forest_point: '{label}: risk ratio {summary} ({level} CI)',
  chart_ev_forest_pooled_point: '{label}: risk ratio {summary} ({level} CI), prediction interval {pi}',
  ev_reported: 'reported {measure} {estimate} ({level} CI {low} to {high})',
  ev_measure_rr: 'risk ratio',
  ev_measure_or: 'odds ratio',
  ev_measure_rd: 'difference in percentage points',
  ev_excluded_heading: 'Studies not pooled',
  ev_excluded_intro: '{n} studies of the evidence file are listed among the sources but are not in the pooled results:',
  ev_excluded_odds_ratio_only:
    'The study reports only an odds ratio. It cannot be turned into a risk ratio without the share in work in the control group, which the study does not report, and at shares as high as in IPS trials the odds ratio is far from the risk ratio.',
  ev_excluded_risk_difference_only:
    'The study reports only a difference in percentage points. It cannot be turned into a risk ratio without the share in work in the control group, which the study does not report.',
  ev_excluded_no_events_either_arm: 'Nobody was in work in either group, so the study says nothing about the risk ratio.',
  ev_excluded_all_events_both_arms: 'Everybody was in work in both groups, so the study says nothing about the risk ratio.',
  ev_excluded_no_effect_data: 'The study has neither counts per group nor a reported result with its interval.',
  ev_pooled_heading: 'The pooled results',
  ev_pooled_intro:
    'The first column is the earlier studies without this trial: what the trial is compared with. The second is all studies with this trial: the evidence as it stands now.',
  ev_pooled_reading:
    "The prediction interval is the range in which the true risk ratio of a new, similar study can be expected to lie. τ² is the variance between studies. I² is the part of the differences between the studies' results that is due to real differences rather than chance. Q tests whether the studies differ more than chance gives.",
  ev_col_earlier: 'Earlier studies',
  ev_col_all: 'All, with this trial',
  ev_col_studies: 'The studies',
  ev_test_knha: 'Hartung–Knapp–Sidik–Jonkman',
  ev_test_z: 'the normal distribution',
  ev_row_k: 'Studies',
  ev_row_random: 'Risk ratio, random effects',
  ev_random_how: 'τ² by {method}, interval by {test}',
  ev_row_pi: 'Prediction interval',
  ev_row_p: 'p-value (risk ratio = 1)',
  ev_row_tau2: 'τ² (between studies)',
  ev_row_i2: 'I²',
  ev_row_q: 'Q (degrees of freedom), p',
  ev_q: '{q} ({df}), {p}',
  ev_row_fixed: 'Risk ratio, fixed effect',
  ev_row_other: 'Risk ratio, τ² by {method}',
  ev_regression_heading: 'Does the effect go with features of the studies?',
  ev_regression_intro:
    'The meta-regression looks at whether the risk ratio goes with features of the studies that the analysis plan chose. The coefficient is on the log scale; the column beside it shows how many times the risk ratio changes for each unit the feature is higher.',
  ev_regression_none: 'The meta-regression on {moderators} could not be fitted: {reason}.',
  ev_intercept: 'Intercept',
  ev_regression_reading_clear: 'For each unit higher {term}, the risk ratio is {ratio} times as large ({ci}, {p}): a clear relation.',
  ev_regression_reading_unclear:
    'For each unit higher {term}, the risk ratio is {ratio} times as large ({ci}, {p}): the interval includes 1, so the relation is not clear.',
  ev_regression_fit:
    'The model rests on {k} studies with a value of {moderators} (REML, interval by {test}). After the features, I² = {residual} remains, and they account for {explained} of the variance between studies.',
  ev_regression_missing: 'Without a value, and so left out: {studies}.',
  ev_regression_trial_missing: 'This trial is left out, because the analysis plan does not give its value (meta_analysis.trial_moderators).',
  ev_regression_aliased: 'Dropped because they do not vary or follow from others: {terms}.',
  ev_regression_caution:
    'A meta-regression compares studies, not people. With few studies it is very uncertain, and a relation may come from other differences between the countries or the studies.',
  ev_term_col: 'Term',
  ev_coefficient_col: 'Coefficient (log)',
  ev_ratio_of_ratios_col: 'Change in risk ratio ({level} CI)',
  ev_p_col: 'p-value',
  ev_sensitivity_heading: 'How much does the result depend on one study?',
  ev_sensitivity_intro:
    'The analysis is repeated without each study in turn, and with the studies added one by one by publication year (this trial last).',
  ev_leave_one_out_range: 'Leaving out one study at a time, the pooled risk ratio stays between {low} and {high}.',
  ev_sensitivity_show: 'Show the analyses without one study and by year',
  ev_leave_one_out_caption: 'Without one study at a time',
  ev_left_out_col: 'Study left out',
  ev_cumulative_caption: 'The studies added by year',
  ev_added_col: 'Up to and including',
  ev_sources_heading: 'Sources',
  ev_sources_intro: 'The evidence file has {rows} studies: {published} published and {synthetic} synthetic.',
  ev_sources_synthetic: 'Synthetic (invented, not real studies): {studies}.',
  ev_this_trial_source: 'This trial: the share in work after {month} months with {arm_t} and {arm_c}, from the employment results of this report.',
  ev_method_heading: 'How it is calculated',
  ev_method_effects:
    "Each study's risk ratio is calculated from the number in work and the number in all in each group, or from a reported risk ratio with its confidence interval. A study with an empty cell (nobody or everybody in work in a group) gets 0.5 added to all four of its cells.",
  ev_method_pooling:
    'The risk ratios are pooled on the log scale in a random-effects model, which allows the true effect to differ from study to study. The variance between studies (τ²) is estimated by {method}, and the result by {other} is shown beside it. {interval} The fixed-effect result, which assumes one common effect, is in the table too.',
  ev_method_reml: 'restricted maximum likelihood (REML)',
  ev_method_dl: "DerSimonian and Laird's method",
  ev_method_interval_auto:
    "The pooled result's confidence interval uses the Hartung–Knapp–Sidik–Jonkman method when fewer than 10 studies are pooled, else the normal distribution.",
  ev_method_interval_knha: "The pooled result's confidence interval uses the Hartung–Knapp–Sidik–Jonkman method, as the analysis plan says.",
  ev_method_interval_z: "The pooled result's confidence interval uses the normal distribution, as the analysis plan says.",
  ev_method_terms:
    'Studies that report only an odds ratio or a difference in percentage points are not pooled with the others: turning them into risk ratios needs the share in work in the control group, and a guess at it would add an error the intervals do not show.',
  ev_method_this_trial:
    'This trial is compared with the earlier studies pooled without it, because comparing it with a result that contains it would partly compare it with itself. The pooled result with the trial shows the evidence as it stands once the trial is added.',

  fid_heading: 'Fidelity to the IPS model (IPS-25)',
  fid_no_file:
    'No fidelity ratings were delivered (fidelity.csv in the data folder), so the report does not say how faithfully IPS was delivered at each site. The README describes the file and what it must contain.',
  fid_intro:
    "Fidelity says how faithfully a site delivered IPS as the method describes it. It is measured on the IPS-25 scale: a review team scores 25 items from 1 to 5 each, so the total runs from 25 to 125. Each site's latest review is used.",
  fid_none_complete: 'No site has a complete rating of all 25 items.',
  fid_band_count: '{n} rated "{band}"',
  fid_totals: 'The {n} sites with a complete rating scored from {min} to {max} of 125: {bands}.',
  fid_totals_same: 'The {n} sites with a complete rating all scored {min} of 125: {bands}.',
  fid_totals_one: 'The one site with a complete rating scored {min} of 125: {bands}.',
  fid_incomplete: 'The rating is not complete for {sites}, so no total is calculated there.',
  fid_unrated: 'No rating was delivered for {sites}.',
  fid_sites_heading: 'Total and band per site',
  fid_rated_on_col: 'Rated on',
  fid_total_col: 'Total (25–125)',
  fid_band_col: 'Band',
  fid_notes_col: 'Note',
  fid_missing_items: 'Item {items} not rated.',
  fid_other_rounds: 'Earlier reviews ({dates}) are not used.',
  fid_band_range: '{band} {min}–{max}',
  fid_bands: "The analysis plan's bands: {bands}.",
  fid_bands_default:
    'The bands are the commonly used IPS-25 cut-offs ({bands}). They are not confirmed in a primary source, so the analysis plan may set its own (fidelity.bands).',
  fid_items_heading: 'The 25 items per site',
  fid_items_intro:
    'The map shows the score on each of the 25 items for each site. Darker means closer to the IPS model. Items with a low score show where delivery can improve.',
  axis_fid_item: 'Item of the IPS-25 scale',
  chart_fid_heatmap_title: 'Score per item of the IPS-25 scale, by site',
  chart_fid_heatmap_description:
    'A row per site and a column per item (1–25). Each cell shows the score from 1 to 5; a darker colour means a higher score. A grey cell with a dash means the item was not rated.',
  chart_fid_heatmap_cell: '{site}, item {item}: score {score}',
  chart_fid_heatmap_missing: '{site}, item {item}: not rated',
  chart_fid_heatmap_legend: 'Score',
  fid_relation_heading: 'Fidelity and employment',
  fid_relation_intro:
    "Did sites with higher fidelity get more people into work? The chart shows each site's IPS-25 total against the difference in the share in work between {arm_t} and {arm_c} at the site after {month} months.",
  axis_fid_total: 'IPS-25 total (25–125)',
  chart_fid_scatter_title: 'Fidelity and employment difference by site, after {month} months',
  chart_fid_scatter_description:
    'Each point is a site: its IPS-25 total across and the difference in the share in work in percentage points up, with the {level} confidence interval as a vertical line. The horizontal line at 0 means no difference; the light vertical lines show where a band starts.',
  chart_fid_scatter_point: '{site}: total {total}, difference {difference} percentage points ({ci})',
  fid_difference_col: 'Difference {arm_t} − {arm_c} (percentage points)',
  fid_difference_ci_col: '{level} CI',
  fid_r: 'The correlation between the total and the difference in work across the {n} sites is r = {r} ({ci}; {p}).',
  fid_no_interval: 'the interval needs at least four sites',
  fid_spearman: 'The rank correlation, which one extreme site cannot drive, is {rho} ({p}).',
  fid_reference: 'For comparison, Bond and colleagues (2012) found r = {r} between IPS-25 and the share in work across many more programmes.',
  fid_no_r_too_few_sites: 'With {n} sites that have both a complete rating and a difference in work, no correlation can be calculated (at least three are needed).',
  fid_no_r_constant_fidelity_total: 'All {n} sites have the same total, so no correlation can be calculated.',
  fid_no_r_constant_risk_difference: 'All {n} sites have the same difference in work, so no correlation can be calculated.',
  fid_caution_label: 'Caution:',
  fid_excluded_intro: 'Not in the comparison:',
  fid_excluded_item: '{site}: {reason}',
  fid_excluded_incomplete_rating: 'the rating is not complete',
  fid_excluded_no_rating: 'no rating',
  fid_excluded_no_risk_difference: 'no difference in work for the site',
  fid_rd_no_site_subgroup: 'the analysis plan does not have site as a subgroup, so no difference per site is calculated',
  fid_rd_suppressed: 'the difference is not shown under the small-numbers rule',
  fid_rd_not_estimable: 'the difference cannot be estimated (a group has no participants with a known outcome)',

  summary_ev_label: 'Beside other research:',
  summary_ev_synthetic: '{n} of the {total} studies in the evidence file are synthetic, so the comparison only shows how the report works.',
  summary_fid_label: 'Fidelity:',
  summary_fid_relation: 'With only {n} sites, the report cannot tell whether sites with higher fidelity got more people into work.',

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
// Norwegian typesetting wants a thin space between digit groups: the narrow no-break space U+202F.
const THIN_SPACE = '\u202f';
const thinGroups = (s: string, lang: Lang) => (lang === 'nb' ? s.replace(/(\d)\u00a0(?=\d)/g, `$1${THIN_SPACE}`) : s);
const INTL_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };
const integerFormats: Record<Lang, Intl.NumberFormat> = {
  nb: new Intl.NumberFormat(INTL_LOCALE.nb, { maximumFractionDigits: 0, useGrouping: true }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 0, useGrouping: true }),
};

/**
 * An integer written for a reader of `lang`. Throws on a non-integer, because silently
 * rounding a count would hide a bug upstream.
 * @example formatInteger(1234567, 'nb') // '1\u202f234\u202f567' (thin no-break spaces)
 * @example formatInteger(1234567, 'en') // '1,234,567'
 */
export function formatInteger(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatInteger: ${n} is not a safe integer`);
  return thinGroups(integerFormats[lang].format(n), lang);
}

/**
 * Vega number locales matching `formatInteger` and `formatPercent`, so axis labels in charts
 * group digits and write percentages the same way as the report text (Vega does not use
 * Intl; it needs the definition spelled out).
 */
export const vegaNumberLocale: Readonly<
  Record<Lang, { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; minus: string; percent: string }>
> = {
  nb: { decimal: ',', thousands: THIN_SPACE, grouping: [3], currency: ['', '\u00a0kr'], minus: '\u2212', percent: '\u00a0%' },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '-', percent: '%' },
};

const decimalFormats = new Map<string, Intl.NumberFormat>();

/**
 * A decimal number written for a reader of `lang`, rounded to between `minDigits` and
 * `digits` decimals; a value that rounds to zero is written without a minus sign.
 * Throws on a non-finite number (infinity and NaN need words, not digits).
 * @example formatDecimal(-1234.567, 'nb', 2) // '\u22121\u202f234,57'
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
  return thinGroups(format.format(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x), lang);
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

/**
 * A difference between two fractions in percentage points (0.1011 → 10.1), for differences
 * in the share employed.
 * @example formatPoints(-0.0234, 'nb') // '\u22122,3'
 */
export function formatPoints(difference: number, lang: Lang, digits = 1): string {
  return formatDecimal(difference * 100, lang, digits);
}

/**
 * A ratio (risk, odds or hazard ratio) with two decimals.
 * @example formatRatio(1.3747, 'nb') // '1,37'
 */
export function formatRatio(ratio: number, lang: Lang): string {
  return formatDecimal(ratio, lang, 2);
}

// "kr 47 000" (the Bokmål style in running text) and "NOK 47,000"; a no-break space keeps
// the currency with its number.
const MONEY_PREFIX: Record<Lang, string> = { nb: 'kr', en: 'NOK' };
const MINUS: Record<Lang, string> = { nb: '\u2212', en: '-' };

/**
 * An amount in kroner for a reader of `lang`, rounded to a multiple of `step` (1: whole
 * kroner). An amount that rounds to zero has no minus sign. Throws on infinity and NaN.
 * @example formatMoney(46742.3, 'nb', 1000) // 'kr\u00a047\u00a0000'
 * @example formatMoney(46742.3, 'en') // 'NOK\u00a046,742'
 * @example formatMoney(-1500, 'nb') // '\u2212kr\u00a01\u00a0500'
 */
export function formatMoney(amount: number, lang: Lang, step = 1): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatMoney: ${amount} is not a finite number`);
  if (!(step > 0)) throw new RangeError(`formatMoney: step ${step} is not positive`);
  const rounded = Math.round(Math.abs(amount) / step) * step;
  const sign = amount < 0 && rounded !== 0 ? MINUS[lang] : '';
  return `${sign}${MONEY_PREFIX[lang]}\u00a0${formatInteger(Math.round(rounded), lang)}`;
}

/**
 * How finely an estimated amount is written for a lay reader: to the nearest 1 000 kroner
 * from 10 000, the nearest 100 from 1 000, the nearest 10 below that. Two significant
 * digits or so: the estimates are far less precise than whole kroner.
 * @example moneyStep(46742) // 1000
 */
export function moneyStep(amount: number): number {
  const a = Math.abs(amount);
  return a >= 10_000 ? 1000 : a >= 1000 ? 100 : 10;
}

/**
 * An estimated amount rounded for a lay reader (see `moneyStep`).
 * @example formatMoneyAbout(46742.3, 'en') // 'NOK\u00a047,000'
 */
export function formatMoneyAbout(amount: number, lang: Lang): string {
  return formatMoney(amount, lang, moneyStep(amount));
}
