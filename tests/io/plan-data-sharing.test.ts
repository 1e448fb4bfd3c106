/**
 * The plan's optional `data_sharing` statement (CONSORT 2025 item 4: where the de-identified
 * data and the analysis code can be obtained), shown in the report's provenance section.
 */
import { describe, expect, it } from 'vitest';
import { DATA_SHARING_MAX_LENGTH } from '../../src/io/plan.ts';
import { ingestOk, planWith, violations } from '../helpers/delivery.ts';

const PLAN_FILE = 'analysis-plan.json';
const STATEMENT = { nb: 'Data fås ved søknad til NORCE.', en: 'Data on application to NORCE.' };

describe('the plan’s data_sharing statement', () => {
  it('is optional: absent or null gives null', () => {
    expect(ingestOk().plan.data_sharing).toBeNull();
    expect(ingestOk({ plan: planWith({ data_sharing: null }) }).plan.data_sharing).toBeNull();
  });

  it('keeps both texts as written', () => {
    expect(ingestOk({ plan: planWith({ data_sharing: STATEMENT }) }).plan.data_sharing).toEqual(STATEMENT);
    const longest = { nb: 'x'.repeat(DATA_SHARING_MAX_LENGTH), en: 'y'.repeat(DATA_SHARING_MAX_LENGTH) };
    expect(ingestOk({ plan: planWith({ data_sharing: longest }) }).plan.data_sharing).toEqual(longest);
  });

  const cases: [string, unknown, RegExp][] = [
    ['a plain text instead of one per language', 'Data on application.', /\{ "nb": "…", "en": "…" \}/],
    ['no English text', { nb: STATEMENT.nb }, /both texts non-empty/],
    ['an empty Bokmål text', { ...STATEMENT, nb: '  ' }, /both texts non-empty/],
    ['a text that is not a string', { ...STATEMENT, en: 42 }, /both texts non-empty/],
    ['a text that is too long', { ...STATEMENT, en: 'x'.repeat(DATA_SHARING_MAX_LENGTH + 1) }, new RegExp(`at most ${DATA_SHARING_MAX_LENGTH} characters`)],
    ['a line break', { ...STATEMENT, nb: 'Data:\nved søknad' }, /without line breaks/],
  ];
  it.each(cases)('rejects %s, naming the field', (_name, value, rule) => {
    expect(violations({ plan: planWith({ data_sharing: value }) })).toContainEqual(
      expect.objectContaining({ file: PLAN_FILE, row: null, column: 'data_sharing', rule: expect.stringMatching(rule) }),
    );
  });

  it('rejects an unknown language as a misspelt field', () => {
    expect(violations({ plan: planWith({ data_sharing: { ...STATEMENT, nn: 'Data ved søknad.' } }) })).toContainEqual(
      expect.objectContaining({ file: PLAN_FILE, column: 'data_sharing.nn', rule: expect.stringMatching(/misspelt/) }),
    );
  });

  it('never prints a long statement in full in the message', () => {
    const v = violations({ plan: planWith({ data_sharing: { nb: 'x'.repeat(2000), en: 'ok' } }) }).find((x) => x.column === 'data_sharing')!;
    expect(v.found.length).toBeLessThanOrEqual(80);
  });
});
