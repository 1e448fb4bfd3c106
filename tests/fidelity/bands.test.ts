/**
 * Fidelity bands: the defaults' edges (the commonly used IPS-25 cut-offs 115–125 exemplary,
 * 100–114 good, 74–99 fair, ≤ 73 not IPS, see shared/reference/published-figures.md) and the
 * validation of a plan's own bands.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS, fidelityBand, validateFidelityBands, type FidelityBand } from '../../src/fidelity/bands.ts';

const band = (id: string, min: number, max: number) => ({ id, min, max, label: { nb: `nb ${id}`, en: `en ${id}` } });

describe('fidelityBand with the default bands', () => {
  it('puts each edge total in the right band', () => {
    const id = (t: number) => fidelityBand(t, DEFAULT_FIDELITY_BANDS).id;
    expect(id(25)).toBe('not_ips');
    expect(id(73)).toBe('not_ips');
    expect(id(74)).toBe('fair');
    expect(id(99)).toBe('fair');
    expect(id(100)).toBe('good');
    expect(id(114)).toBe('good');
    expect(id(115)).toBe('exemplary');
    expect(id(125)).toBe('exemplary');
  });

  it('puts the Norwegian centres’ published 97–109 in fair and good', () => {
    expect(fidelityBand(97, DEFAULT_FIDELITY_BANDS).label).toEqual({ nb: 'Middels', en: 'Fair' });
    expect(fidelityBand(109, DEFAULT_FIDELITY_BANDS).label).toEqual({ nb: 'God', en: 'Good' });
  });

  it('refuses totals outside 25–125 or not whole', () => {
    for (const t of [24, 126, 100.5, Number.NaN]) expect(() => fidelityBand(t, DEFAULT_FIDELITY_BANDS)).toThrow(RangeError);
  });
});

describe('validateFidelityBands', () => {
  it('gives the defaults, lowest first, when the plan has none', () => {
    for (const raw of [undefined, null]) {
      const { bands, violations } = validateFidelityBands(raw);
      expect(violations).toEqual([]);
      expect(bands!.map((b) => [b.id, b.min, b.max])).toEqual([
        ['not_ips', 25, 73],
        ['fair', 74, 99],
        ['good', 100, 114],
        ['exemplary', 115, 125],
      ]);
      for (const b of bands!) expect(b.label.nb.length > 0 && b.label.en.length > 0).toBe(true);
    }
  });

  it('accepts a plan’s own contiguous bands in any order and sorts them', () => {
    const { bands, violations } = validateFidelityBands([band('high', 101, 125), band('low', 25, 100)]);
    expect(violations).toEqual([]);
    expect(bands!.map((b) => b.id)).toEqual(['low', 'high']);
    expect(fidelityBand(100, bands as FidelityBand[]).id).toBe('low');
    expect(fidelityBand(101, bands as FidelityBand[]).id).toBe('high');
    // One band covering everything is allowed.
    expect(validateFidelityBands([band('all', 25, 125)]).violations).toEqual([]);
  });

  it('names a gap, an overlap and missing ends by their totals', () => {
    const gap = validateFidelityBands([band('a', 25, 99), band('b', 101, 125)]);
    expect(gap.bands).toBeNull();
    expect(gap.violations).toEqual([
      { file: 'analysis-plan.json', row: null, column: 'fidelity.bands', rule: 'bands must be contiguous: no band covers the totals 100–100', found: '25–99, 101–125' },
    ]);
    const overlap = validateFidelityBands([band('a', 25, 100), band('b', 99, 125)]);
    expect(overlap.violations.map((v) => v.rule)).toEqual(['bands must not overlap: the totals 99–100 are in two bands']);
    const ends = validateFidelityBands([band('a', 30, 100), band('b', 101, 120)]);
    expect(ends.violations.map((v) => v.rule)).toEqual([
      'the lowest band must start at 25, the lowest possible total',
      'the highest band must end at 125, the highest possible total',
    ]);
  });

  it('checks each band’s fields, with the field path', () => {
    const { bands, violations } = validateFidelityBands(
      [
        { id: 'Good', min: 25, max: 73, label: { nb: 'x', en: 'y' } },
        { id: 'fair', min: 74.5, max: 130, label: { nb: 'x', en: 'y' } },
        { id: 'fair', min: 100, max: 90, label: { nb: '', en: 'y' } },
        { id: 'top', min: 115, max: 125, label: { nb: 'x', en: 'y', de: 'z' }, colour: 'red' },
        'exemplary',
      ],
      'plan.json',
      'fidelity.bands',
    );
    expect(bands).toBeNull();
    expect(violations.map((v) => [v.column, v.found])).toEqual([
      ['fidelity.bands[0].id', '"Good"'],
      ['fidelity.bands[1].min', '74.5'],
      ['fidelity.bands[1].max', '130'],
      ['fidelity.bands[2].id', '"fair"'],
      ['fidelity.bands[2]', '{"min":100,"max":90}'],
      ['fidelity.bands[2].label', '{"nb":"","en":"y"}'],
      ['fidelity.bands[3].colour', '"colour"'],
      ['fidelity.bands[3].label', '{"nb":"x","en":"y","de":"z"}'],
      ['fidelity.bands[4]', '"exemplary"'],
    ]);
    expect(violations.every((v) => v.file === 'plan.json' && v.row === null)).toBe(true);
    expect(violations[3]!.rule).toBe('appears more than once');
  });

  it('refuses a value that is not a non-empty list', () => {
    for (const raw of [[], {}, 'default', 3]) {
      const { bands, violations } = validateFidelityBands(raw);
      expect(bands).toBeNull();
      expect(violations).toHaveLength(1);
      expect(violations[0]!.column).toBe('fidelity.bands');
    }
  });

  it('does not let the caller change the defaults', () => {
    const { bands } = validateFidelityBands(undefined);
    bands![0]!.max = 80;
    bands![0]!.label.nb = 'endret';
    expect(DEFAULT_FIDELITY_BANDS[0]).toMatchObject({ max: 73, label: { nb: 'Ikke IPS' } });
    expect(Object.isFrozen(DEFAULT_FIDELITY_BANDS)).toBe(true);
  });
});
