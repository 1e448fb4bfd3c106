import { describe, expect, it } from 'vitest';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import type { QualityOfLifeResult } from '../../src/quality-of-life/quality-of-life-results.ts';
import { methodsItems, methodsSection } from '../../src/report/methods-section.ts';
import { EVIL_VERIFY, EVIL_VERIFY_PLAN, PLAN, QUALITY_OF_LIFE, VERIFY, VERIFY_NO_LIST } from './fixtures.ts';

describe('methodsItems', () => {
  it('describes the design from the plan and the results, in Bokmål', () => {
    expect(methodsItems(PLAN, VERIFY, QUALITY_OF_LIFE, 'nb')).toEqual([
      ['Gruppene', 'Deltakerne ble trukket til IPS (tiltaket) eller TVR (kontrollgruppen). Til sammen ble 1\u202f234 personer randomisert: 611 til IPS og 623 til TVR.'],
      ['Forsøkssteder', '3 forsøkssteder: Hordaland, Sør-Trøndelag og Østfold.'],
      [
        'Loddtrekningen',
        'Deltakerne ble fordelt til gruppene ved loddtrekning (randomisering). Da skyldes forskjeller mellom gruppene ved start bare tilfeldigheter, og forskjeller som kommer senere, kan tilskrives tiltaket. Trekningen ble gjort hver for seg på hvert forsøkssted (stratifisert etter forsøkssted). Trekningslisten var delt i blokker på 2, 4 eller 6 personer. Hver blokk fordeler deltakerne i planlagt forhold, i tilfeldig rekkefølge (permuterte blokker). Slik holdes fordelingen nær planen hele veien. Planlagt forhold mellom gruppene IPS og TVR: 1:1.',
      ],
      ['Oppfølging', 'Arbeid ble fulgt måned for måned i registerdata, fra måned 0 til måned 18 etter randomiseringen, og gruppene er sammenlignet etter 6, 12 og 18 måneder.'],
      ['Hovedutfall', 'Andelen som var i arbeid i måned 18, ifølge registerdata. Det ble bestemt på forhånd; de andre resultatene er tilleggsanalyser.'],
      ['Spørreskjemaer', 'Ved start og etter 6 og 12 måneder, om livskvalitet, selvvurdert helse, depressive symptomer, funksjonsnivå og tro på at arbeid er bra for helsen. Dette er tilleggsutfall.'],
      ['Justering', 'Justerte analyser tar hensyn til forsøkssted, alder (år) og kjønn, slik analyseplanen bestemmer. Sammenligningene av spørreskjemaene er også justert for skåren ved start.'],
      [
        'Intervall (KI)',
        'Usikkerheten vises som 95\u00a0% konfidensintervall (KI): de verdiene som stemmer godt med dataene. Ligger hele intervallet for en forskjell over eller under 0, er forskjellen tydelig.',
      ],
      [
        'p-verdi',
        'Hvor sannsynlig det er å få en forskjell minst så stor som den observerte hvis tiltaket ikke hadde noen virkning. Jo mindre p-verdien er, jo sterkere tyder den på en virkelig forskjell.',
      ],
      [
        'Mange sammenligninger',
        'Spørreskjemaene gir 10 sammenligninger. Jo flere sammenligninger, jo større er sjansen for at én ser tydelig ut bare ved en tilfeldighet, så p-verdiene for dem er justert med Holms metode.',
      ],
    ]);
  });

  it('follows the plan: simple randomization, the other employment definition, another level and method', () => {
    const plan: AnalysisPlan = { ...PLAN, employment_definition: 'any_employment_to_month', confidence_level: 0.9 };
    const qol: QualityOfLifeResult = { ...QUALITY_OF_LIFE, quality_of_life_methods: { ...QUALITY_OF_LIFE.quality_of_life_methods, multiplicity: 'benjamini-hochberg' } };
    const items = Object.fromEntries(methodsItems(plan, VERIFY_NO_LIST, qol, 'en'));
    expect(items['Randomization']).toContain('Each participant was drawn independently of the others');
    expect(items['Randomization']).toContain('Planned ratio between the arms IPS and TVR: 2:1.');
    expect(items['Primary outcome']).toBe(
      'The share who had been employed at least once up to and including month 18, according to registry data. It was fixed in advance; the other results are secondary analyses.',
    );
    expect(items['Interval (CI)']).toMatch(/^Uncertainty is shown as a 90% confidence interval \(CI\)/);
    expect(items['Multiple comparisons']).toMatch(/adjusted with the Benjamini–Hochberg method\.$/);
  });

  it('leaves out the questionnaires and the correction when there are none, and names a single site', () => {
    const plan: AnalysisPlan = { ...PLAN, measures: [], covariates: [] };
    const qol: QualityOfLifeResult = { quality_of_life: [], quality_of_life_methods: { ...QUALITY_OF_LIFE.quality_of_life_methods, family: [] } };
    const verify = { ...VERIFY, randomization: { ...VERIFY.randomization, arm_counts: { ...VERIFY.randomization.arm_counts, by_site: [VERIFY.randomization.arm_counts.by_site[0]!] } } };
    const items = methodsItems(plan, verify, qol, 'en');
    expect(items.map(([term]) => term)).toEqual(['Groups', 'Sites', 'Randomization', 'Follow-up', 'Primary outcome', 'Adjustment', 'Interval (CI)', 'p-value']);
    expect(Object.fromEntries(items)['Sites']).toBe('One site: Hordaland.');
    expect(Object.fromEntries(items)['Adjustment']).toBe('Adjusted analyses take site into account, as the analysis plan says.');
  });
});

describe('methodsSection', () => {
  it('is a section with a heading and a description list', () => {
    const en = String(methodsSection(PLAN, VERIFY, QUALITY_OF_LIFE, 'en'));
    expect(en).toMatch(/^<section aria-labelledby="methods">\n<h2 id="methods">The trial and its methods<\/h2>\n<p>The analyses follow the analysis plan, which was fixed before the data were seen\./);
    expect(en).toContain('<dl class="facts">\n<dt>Groups</dt><dd>Participants were allocated to IPS (the intervention) or TVR (the control group).');
    expect(en.match(/<dt>/g)).toHaveLength(10);
  });

  it('escapes site names and measure labels', () => {
    const html = String(methodsSection(EVIL_VERIFY_PLAN, EVIL_VERIFY, QUALITY_OF_LIFE, 'en'));
    expect(html).not.toMatch(/<script|<svg/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;svg onload=alert(3)&gt;');
  });
});
