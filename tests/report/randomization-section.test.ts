import { describe, expect, it } from 'vitest';
import type { AllocationProblem } from '../../src/design/allocation-check.ts';
import type { AllocationRatioTest } from '../../src/design/verify.ts';
import { designSentences, problemText, randomizationSection, ratioTestSentences, unverifiedAlert } from '../../src/report/randomization-section.ts';
import { EVIL_PLAN, EVIL_SITE, EVIL_VERIFY, LIST_SHA256, PLAN, PROBLEMS, VERIFY, VERIFY_NO_LIST, VERIFY_UNVERIFIED } from './fixtures.ts';

const listItems = (s: string) => [...s.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);

describe('problemText', () => {
  it('words every kind of problem by site and allocation number, in both languages', () => {
    const expected: Record<AllocationProblem['kind'], [string, string]> = {
      commitment_mismatch: [
        `Trekningslistens fingeravtrykk (SHA-256) er e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, men det offentliggjorte er ${LIST_SHA256}: listen er ikke den som ble bestemt på forhånd.`,
        `The fingerprint (SHA-256) of the allocation list is e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, but the published one is ${LIST_SHA256}: the list is not the one fixed in advance.`,
      ],
      arm_mismatch: [
        'Hordaland, trekningsnummer 17: registrert gruppe IPS, men listen sier TVR.',
        'Hordaland, allocation no. 17: recorded arm IPS, but the list says TVR.',
      ],
      reused: ['Hordaland, trekningsnummer 18: brukt 2 ganger.', 'Hordaland, allocation no. 18: used 2 times.'],
      gap: [
        'Hordaland, trekningsnummer 40: hoppet over (ikke brukt, men senere numre er brukt).',
        'Hordaland, allocation no. 40: skipped (not used, although later numbers are).',
      ],
      not_in_list: ['Hordaland, trekningsnummer 999: finnes ikke i trekningslisten.', 'Hordaland, allocation no. 999: not in the allocation list.'],
      no_allocation_no: ['Sør-Trøndelag: 4 deltakere mangler trekningsnummer.', 'Sør-Trøndelag: 4 participants have no allocation number.'],
      differs_from_seed: [
        'Sør-Trøndelag, trekningsnummer 5: listen sier IPS, men listen laget på nytt fra startverdien sier TVR.',
        'Sør-Trøndelag, allocation no. 5: the list says IPS, but the list regenerated from the seed says TVR.',
      ],
      list_missing: [
        'Planen oppgir et offentliggjort fingeravtrykk eller en startverdi (seed) for trekningslisten, men ingen liste ble levert, og den kunne ikke lages på nytt. Derfor kunne gruppene ikke kontrolleres.',
        'The plan names a published hash or seed for the allocation list, but no list was supplied and it could not be regenerated, so the arms could not be checked.',
      ],
      bad_block: [
        'Oslo, blokk 3: følger ikke oppsettet i planen (gruppene i blokken er ikke i planlagt forhold).',
        'Oslo, block 3: does not follow the design (its arms are not in the plan’s ratio).',
      ],
    };
    // Kinds the fixture's problem list does not hold.
    const extra: AllocationProblem[] = [{ kind: 'list_missing' }, { kind: 'bad_block', site: 'Oslo', block_no: 3, reason: 'ratio' }];
    for (const [kind, [nb, en]] of Object.entries(expected)) {
      const problem = [...PROBLEMS, ...extra].find((p) => p.kind === kind)!;
      expect(problemText(problem, 'nb')).toBe(nb);
      expect(problemText(problem, 'en')).toBe(en);
    }
  });

  it('says "no slot" where a list has none, and groups large allocation numbers', () => {
    const p = PROBLEMS.find((x) => x.kind === 'differs_from_seed' && x.listed === null)!;
    expect(problemText(p, 'en')).toBe('Sør-Trøndelag, allocation no. 1,001: the list says no slot, but the list regenerated from the seed says IPS.');
    expect(problemText(p, 'nb')).toContain('trekningsnummer 1\u202f001: listen sier ingen plass');
  });
});

describe('unverifiedAlert', () => {
  it('appears only when the run went on without a verified allocation', () => {
    expect(unverifiedAlert(VERIFY.randomization, 'nb')).toBeNull();
    expect(unverifiedAlert({ ...VERIFY_UNVERIFIED.randomization, allowed_unverified: false }, 'nb')).toBeNull();
    expect(String(unverifiedAlert(VERIFY_UNVERIFIED.randomization, 'nb'))).toMatch(/^<div class="alert" role="alert">/);
  });

  it('says so in words, gives the number of problems, and lists the first ten', () => {
    const en = String(unverifiedAlert(VERIFY_UNVERIFIED.randomization, 'en'));
    expect(en).toContain('<p><strong>⚠ Warning:</strong> It could not be confirmed');
    expect(en).toContain('Number of problems: 15.');
    expect(en).toContain('<p>The first 10 problems:</p>');
    expect(listItems(en)).toEqual(PROBLEMS.slice(0, 10).map((p) => problemText(p, 'en')));
    expect(en).toContain('More problems are listed under “Checking the allocation” in the section “Data quality and checks”.');
    const nb = String(unverifiedAlert(VERIFY_UNVERIFIED.randomization, 'nb'));
    expect(nb).toContain('<strong>⚠ Advarsel:</strong>');
    expect(nb).toContain('Antall avvik: 15.');
    expect(nb).toContain('Hordaland, trekningsnummer 17: registrert gruppe IPS, men listen sier TVR.');
  });

  it('lists all problems without a "first ten" when there are few', () => {
    const few = { ...VERIFY_UNVERIFIED.randomization.verification, problems: PROBLEMS.slice(1, 3), problems_total: 2 };
    const en = String(unverifiedAlert({ ...VERIFY_UNVERIFIED.randomization, verification: few }, 'en'));
    expect(en).toContain('<p>The problems:</p>');
    expect(listItems(en)).toHaveLength(2);
    expect(en).not.toContain('More problems');
  });

  it('explains a missing allocation list without listing problems', () => {
    const nb = String(unverifiedAlert(VERIFY_NO_LIST.randomization, 'nb'));
    expect(nb).toContain('fordi ingen trekningsliste ble levert');
    expect(nb).not.toContain('<ul');
  });

  it('escapes site names', () => {
    const s = String(unverifiedAlert(EVIL_VERIFY.randomization, 'en'));
    expect(s).not.toContain('<script');
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;, allocation no. 1');
    expect(EVIL_SITE).toContain('<script');
  });
});

describe('randomizationSection', () => {
  it('describes the design in plain words', () => {
    expect(designSentences(VERIFY.randomization.design, PLAN, 'en')).toEqual([
      'The draw was made separately at each site (stratified by site).',
      'The allocation list was divided into blocks of 2, 4 or 6 people. Each block splits its participants in the planned ratio, in random order (permuted blocks). This keeps the allocation close to plan all the way through.',
      'Planned ratio between the arms IPS and TVR: 1:1.',
    ]);
    expect(designSentences(VERIFY_NO_LIST.randomization.design, PLAN, 'nb')).toEqual([
      'Trekningen ble gjort hver for seg på hvert forsøkssted (stratifisert etter forsøkssted).',
      'Hver deltaker ble trukket uavhengig av de andre, med sannsynligheter etter planlagt forhold (enkel randomisering). Gruppene kan derfor bli noe ulike i størrelse.',
      'Planlagt forhold mellom gruppene IPS og TVR: 2:1.',
    ]);
    expect(designSentences({ ...VERIFY.randomization.design, stratification: 'sex' }, PLAN, 'nb')[0]).toBe(
      'Trekningen ble gjort hver for seg for hver verdi av «Kjønn» (stratifisert).',
    );
  });

  it('shows a verified list with its hash, commitment and seed check', () => {
    const en = String(randomizationSection(VERIFY.randomization, PLAN, 'en'));
    expect(en).toContain('<h2 id="randomization">Randomization</h2>');
    expect(en).toContain('<p>Each participant’s arm was checked against the allocation list (allocation.csv; slots in the list: 1,500), and all match.</p>');
    expect(en).toContain(`<p>Fingerprint (SHA-256) of the allocation list: <code class="hash">${LIST_SHA256}</code></p>`);
    expect(en).toContain('It is the same as the one published before enrolment began');
    expect(en).toContain('The list was regenerated from the published seed and is identical to the one supplied.');
    expect(en).not.toContain('<details>');
  });

  it('shows a failed check with the published hash and every problem it has', () => {
    const nb = String(randomizationSection(VERIFY_UNVERIFIED.randomization, PLAN, 'nb'));
    expect(nb).toContain('Kontrollen fant avvik. Antall avvik: 15.');
    expect(nb).toContain(`Offentliggjort fingeravtrykk: <code class="hash">${LIST_SHA256}</code>`);
    expect(nb).toContain('Listen ble laget på nytt fra startverdien (seed), men er ikke lik den leverte.');
    expect(nb).toContain('<summary>Vis avvikene (12 av 15)</summary>');
    expect(listItems(nb)).toEqual(PROBLEMS.map((p) => problemText(p, 'nb')));
  });

  it('says plainly when there was no list to check against', () => {
    const en = String(randomizationSection(VERIFY_NO_LIST.randomization, PLAN, 'en'));
    expect(en).toContain('<p>No allocation list was supplied, so it could not be checked');
    expect(en).not.toContain('<code');
  });

  it('tabulates the arms per site with totals', () => {
    const en = String(randomizationSection(VERIFY.randomization, PLAN, 'en'));
    const table = /<table class="arm-counts">[\s\S]*?<\/table>/.exec(en)![0];
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]));
    expect(rows).toEqual([
      ['Site', 'IPS', 'TVR', 'Total'],
      ['Hordaland', '101', '103', '204'],
      ['Sør-Trøndelag', '510', '507', '1,017'],
      ['Østfold', '0', '13', '13'],
      ['Total', '611', '623', '1,234'],
    ]);
  });

  it('escapes the list file name and site names', () => {
    const s = String(randomizationSection(EVIL_VERIFY.randomization, EVIL_PLAN, 'en'));
    expect(s).not.toMatch(/<script/i);
    expect(s).toContain('(&lt;script&gt;x&lt;/script&gt;.csv; slots in the list: 1)');
    expect(s).toContain('<th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
  });
});

describe('ratioTestSentences', () => {
  const test = (count: number, n: number, p: number, expected = 0.5): AllocationRatioTest => ({
    arm: 'IPS',
    count,
    n,
    expected_fraction: expected,
    observed_fraction: count / n,
    ci: [0, 1],
    p,
  });
  const ratio = { IPS: 1, TVR: 1 };

  it('explains the split and how often chance gives one as uneven (R: binom.test(229, 410) gives p = 0.02017)', () => {
    expect(ratioTestSentences(test(229, 410, 0.0201660713848171), ratio, PLAN, 'en')).toEqual([
      '229 of 410 participants (55.9%) were allocated IPS. The planned ratio 1:1 implies 50%.',
      'A split at least this uneven happens by chance in about 2 of 100 trials (exact binomial test, p = 0.020).',
    ]);
    expect(ratioTestSentences(test(229, 410, 0.0201660713848171), ratio, PLAN, 'nb')).toEqual([
      '229 av 410 deltakere (55,9\u00a0%) ble trukket til IPS. Planlagt forhold 1:1 tilsier 50\u00a0%.',
      'En fordeling minst så skjev som dette oppstår ved tilfeldighet i omtrent 2 av 100 forsøk (eksakt binomialtest, p = 0,020).',
    ]);
  });

  it('switches to "of 1 000" below 1 %, to "fewer than" below 0.1 %, and to "nearly every time" near 1', () => {
    const chance = (p: number, lang: 'nb' | 'en' = 'en') => ratioTestSentences(test(229, 410, p), ratio, PLAN, lang)[1];
    expect(chance(0.0042)).toBe('A split at least this uneven happens by chance in about 4 of 1,000 trials (exact binomial test, p = 0.004).');
    expect(chance(0.0042, 'nb')).toContain('omtrent 4 av 1\u202f000 forsøk');
    expect(chance(6.05489e-6)).toBe('A split at least this uneven happens by chance in fewer than 1 of 1,000 trials (exact binomial test, p <\u00a00.001).');
    expect(chance(6.05489e-6, 'nb')).toContain('(eksakt binomialtest, p <\u00a00,001)');
    expect(chance(0.754190694713538)).toContain('in about 75 of 100 trials (exact binomial test, p = 0.754)');
    expect(chance(1)).toBe('A split at least this uneven happens by chance nearly every time (exact binomial test, p = 1.000).');
  });

  it('gives an unequal planned ratio its expected share', () => {
    const [first] = ratioTestSentences(test(229, 410, 6.05489e-6, 2 / 3), { IPS: 2, TVR: 1 }, PLAN, 'en');
    expect(first).toBe('229 of 410 participants (55.9%) were allocated IPS. The planned ratio 2:1 implies 66.7%.');
  });
});

describe('a list regenerated from the seed', () => {
  it('says no file was supplied and the list came from the seed, instead of "no seed yet"', () => {
    const v = VERIFY.randomization.verification;
    const fromSeed = { ...VERIFY.randomization, verification: { ...v, list: { ...v.list!, source: 'seed' as const }, regenerated_from_seed: null } };
    const en = randomizationSection(fromSeed, PLAN, 'en').toString();
    expect(en).toContain('No list file was supplied, so the list was regenerated from the published seed');
    expect(en).not.toContain('The seed has not been published yet');
  });
});
