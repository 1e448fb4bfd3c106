/**
 * The plan's optional `meta_analysis` section (how the trial is set beside earlier studies)
 * and `fidelity` section (the IPS-25 bands): defaults when absent, every field validated,
 * unknown keys rejected as misspellings, as elsewhere in the plan.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { ingestOk, planWith, violations } from '../helpers/delivery.ts';

const PLAN_FILE = 'analysis-plan.json';
const violationAt = (column: string, rule: RegExp) => expect.objectContaining({ file: PLAN_FILE, row: null, column, rule: expect.stringMatching(rule) });

describe('the plan’s meta_analysis section', () => {
  it('defaults to REML, the automatic interval, no moderators and no trial moderators', () => {
    const expected = { method: 'REML', interval: 'auto', moderators: [], trial_moderators: {} };
    expect(ingestOk().plan.meta_analysis).toEqual(expected);
    expect(ingestOk({ plan: planWith({ meta_analysis: {} }) }).plan.meta_analysis).toEqual(expected);
    expect(ingestOk({ plan: planWith({ meta_analysis: null }) }).plan.meta_analysis).toEqual(expected);
  });

  it('keeps the settings a plan gives', () => {
    const given = { method: 'DL', interval: 'knha', moderators: ['employment_protection', 'region'], trial_moderators: { employment_protection: 2.3, region: 'Nordic' } };
    expect(ingestOk({ plan: planWith({ meta_analysis: given }) }).plan.meta_analysis).toEqual(given);
    expect(ingestOk({ plan: planWith({ meta_analysis: { interval: 'z' } }) }).plan.meta_analysis.interval).toBe('z');
  });

  const cases: [string, unknown, string, RegExp][] = [
    ['an unknown τ² method', { method: 'ML' }, 'meta_analysis.method', /"REML".*"DL"/],
    ['a lower-case method', { method: 'reml' }, 'meta_analysis.method', /"REML"/],
    ['an unknown interval', { interval: 'hksj' }, 'meta_analysis.interval', /"auto".*"knha".*"z"/],
    ['moderators that are not a list', { moderators: 'employment_protection' }, 'meta_analysis.moderators', /list without repeats/],
    ['a repeated moderator', { moderators: ['gdp', 'gdp'] }, 'meta_analysis.moderators', /without repeats/],
    ['a moderator that is a contract column', { moderators: ['year'] }, 'meta_analysis.moderators', /none of them a contract column \(study, country, year/],
    ['a moderator name with capitals', { moderators: ['GDP'] }, 'meta_analysis.moderators', /lower-case/],
    ['a moderator named like an identifier', { moderators: ['phone'] }, 'meta_analysis.moderators', /lower-case/],
    ['trial moderators that are not an object', { moderators: ['gdp'], trial_moderators: [1] }, 'meta_analysis.trial_moderators', /this trial's value/],
    ['a trial moderator not among the moderators', { moderators: ['gdp'], trial_moderators: { gini: 0.3 } }, 'meta_analysis.trial_moderators.gini', /not in meta_analysis.moderators/],
    ['a trial moderator without a value', { moderators: ['gdp'], trial_moderators: { gdp: null } }, 'meta_analysis.trial_moderators.gdp', /a number or a text/],
    ['a misspelt key', { moderator: ['gdp'] }, 'meta_analysis.moderator', /misspelt/],
    ['a section that is not an object', 'REML', 'meta_analysis', /JSON object/],
  ];
  it.each(cases)('rejects %s, naming the field', (_name, section, column, rule) => {
    expect(violations({ plan: planWith({ meta_analysis: section }) })).toContainEqual(violationAt(column, rule));
  });

  it('reports every broken field at once', () => {
    const found = violations({ plan: planWith({ meta_analysis: { method: 'ML', interval: 'x', moderators: [1] } }) }).map((v) => v.column);
    expect(found).toEqual(expect.arrayContaining(['meta_analysis.method', 'meta_analysis.interval', 'meta_analysis.moderators']));
  });
});

describe('the plan’s fidelity section', () => {
  it('defaults to the commonly used IPS-25 bands', () => {
    const bands = ingestOk().plan.fidelity.bands;
    expect(bands.map((b) => [b.id, b.min, b.max])).toEqual(DEFAULT_FIDELITY_BANDS.map((b) => [b.id, b.min, b.max]));
    expect(ingestOk({ plan: planWith({ fidelity: {} }) }).plan.fidelity.bands).toEqual(bands);
  });

  it('keeps a plan’s own bands, lowest first', () => {
    const bands = [
      { id: 'high', min: 100, max: 125, label: { nb: 'Høy', en: 'High' } },
      { id: 'low', min: 25, max: 99, label: { nb: 'Lav', en: 'Low' } },
    ];
    expect(ingestOk({ plan: planWith({ fidelity: { bands } }) }).plan.fidelity.bands.map((b) => b.id)).toEqual(['low', 'high']);
  });

  it('rejects bands with a gap, naming the totals', () => {
    const bands = [
      { id: 'low', min: 25, max: 98, label: { nb: 'Lav', en: 'Low' } },
      { id: 'high', min: 100, max: 125, label: { nb: 'Høy', en: 'High' } },
    ];
    expect(violations({ plan: planWith({ fidelity: { bands } }) })).toContainEqual(violationAt('fidelity.bands', /no band covers the totals 99–99/));
  });

  it('rejects a band’s bad field and an unknown key', () => {
    const bands = [{ id: 'all', min: 25, max: 126, label: { nb: 'Alle', en: 'All' } }];
    expect(violations({ plan: planWith({ fidelity: { bands } }) })).toContainEqual(violationAt('fidelity.bands[0].max', /whole number from 25 to 125/));
    expect(violations({ plan: planWith({ fidelity: { band: [] } }) })).toContainEqual(violationAt('fidelity.band', /misspelt/));
    expect(violations({ plan: planWith({ fidelity: 'default' }) })).toContainEqual(violationAt('fidelity', /JSON object/));
  });
});
