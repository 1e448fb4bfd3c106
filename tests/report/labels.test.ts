import { describe, expect, it } from 'vitest';
import { armRoles, labelInText, measureLabel, variablesInText } from '../../src/report/labels.ts';
import { PLAN } from './fixtures.ts';

describe('armRoles', () => {
  it('takes the intervention as the arm that is not the control, whatever the order', () => {
    expect(armRoles(PLAN)).toEqual({ arm_t: 'IPS', arm_c: 'TVR' });
    expect(armRoles({ ...PLAN, arms: ['TVR', 'IPS'] })).toEqual({ arm_t: 'IPS', arm_c: 'TVR' });
  });
});

describe('variablesInText', () => {
  it('names columns in running text, each once, joined in the report language', () => {
    expect(variablesInText(['site', 'age', 'sex', 'site'], 'en')).toBe('site, age (years) and sex');
    expect(variablesInText(['site', 'worked_last_5y'], 'nb')).toBe('forsøkssted og lønnet arbeid siste 5 år');
    expect(variablesInText(['unknown_column'], 'nb')).toBe('unknown_column');
  });
});

describe('measureLabel', () => {
  it('prefers the plan’s label, then the result’s, then the column name', () => {
    expect(measureLabel('depression', PLAN, 'nb')).toBe('Depressive symptomer');
    expect(measureLabel('other', PLAN, 'en', { nb: 'Annet', en: 'Other' })).toBe('Other');
    expect(measureLabel('other', PLAN, 'en')).toBe('other');
  });
});

describe('labelInText', () => {
  it('lower-cases the first letter of a word, but leaves an abbreviation as written', () => {
    expect(labelInText('Selvvurdert helse', 'nb')).toBe('selvvurdert helse');
    expect(labelInText('Quality of life', 'en')).toBe('quality of life');
    expect(labelInText('EQ-5D', 'en')).toBe('EQ-5D');
    expect(labelInText('WHO-5 trivselsindeks', 'nb')).toBe('WHO-5 trivselsindeks');
    expect(labelInText('Ø', 'nb')).toBe('Ø');
    expect(labelInText('', 'en')).toBe('');
  });
});
