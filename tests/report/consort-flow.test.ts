import { describe, expect, it } from 'vitest';
import type { ConsortFlow } from '../../src/design/consort.ts';
import {
  consortFlowSpec,
  consortLayout,
  estimateTextWidth,
  FLOW,
  wrapText,
  type FlowBox,
  type FlowHead,
  type FlowLayout,
  type FlowSegment,
} from '../../src/report/charts/consort-flow.ts';
import { ARM_TINT, OKABE_ITO } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { EVIL_REASON, EVIL_VERIFY, EVIL_VERIFY_PLAN, PLAN, VERIFY, VERIFY_UNVERIFIED } from './fixtures.ts';

type Layer = { data: { values: unknown[] }; mark: { type: string } };

/** The layout as the spec carries it: boxes, arrow segments and heads from the layers' data. */
function layoutFromSpec(consort: ConsortFlow, plan = PLAN, lang: 'nb' | 'en' = 'en'): Omit<FlowLayout, 'width' | 'height'> & { width: number; height: number } {
  const spec = consortFlowSpec(consort, plan, lang) as unknown as { width: number; height: number; layer: Layer[] };
  const byMark = (type: string) => spec.layer.find((l) => l.mark.type === type)!.data.values;
  return {
    width: spec.width,
    height: spec.height,
    boxes: byMark('rect') as FlowBox[],
    segments: byMark('rule') as FlowSegment[],
    heads: byMark('point') as FlowHead[],
  };
}

const box = (layout: { boxes: FlowBox[] }, id: string) => {
  const b = layout.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const textOf = (b: FlowBox) => [...b.title, ...b.lines].join('\n');

/** A consort flow whose texts are long enough to need wrapping. */
const LONG: ConsortFlow = {
  ...VERIFY.consort,
  screening: {
    assessed: 3000,
    excluded: [
      {
        reason: {
          nb: 'Hadde allerede et tilbud om arbeidsrettet oppfølging fra NAV eller en annen aktør i kommunen, og ønsket å beholde det',
          en: 'Already had an offer of work-oriented follow-up from the welfare administration or another provider in the municipality, and wished to keep it',
        },
        n: 1200,
      },
      { reason: { nb: 'Ukjent', en: 'Unknown' }, n: 566 },
      { reason: { nb: 'Superkalifragilistiskeksplialegorisk'.repeat(3), en: 'Supercalifragilisticexpialidocious'.repeat(3) }, n: 1 },
    ],
  },
};

describe('consortLayout', () => {
  it('shows each arm its own numbers, in plan order, from allocation to analysis', () => {
    const layout = layoutFromSpec(VERIFY.consort);
    expect(textOf(box(layout, 'allocated:IPS'))).toBe('Allocated to IPS (n = 611)\nIntervention arm');
    expect(textOf(box(layout, 'allocated:TVR'))).toBe('Allocated to TVR (n = 623)\nControl arm');
    expect(textOf(box(layout, 'withdrawn:IPS'))).toBe('Withdrew consent (n = 4)\nTheir data are not analysed');
    expect(textOf(box(layout, 'withdrawn:TVR'))).toBe('Withdrew consent (n = 3)\nTheir data are not analysed');
    expect(textOf(box(layout, 'registry:IPS'))).toBe('Registry data on employment\nMonth 6: 606\nMonth 12: 604\nMonth 18: 601');
    expect(textOf(box(layout, 'registry:TVR'))).toBe('Registry data on employment\nMonth 6: 619\nMonth 12: 617\nMonth 18: 615');
    expect(textOf(box(layout, 'questionnaires:IPS'))).toBe('Answered the questionnaire\nAt baseline: 590\nMonth 6: 512\nMonth 12: 470');
    expect(textOf(box(layout, 'questionnaires:TVR'))).toBe('Answered the questionnaire\nAt baseline: 601\nMonth 6: 498\nMonth 12: 455');
    expect(textOf(box(layout, 'analysed:TVR'))).toBe(
      [
        'Analysed',
        'Primary outcome:',
        '• Employment, month 18: 615',
        'Secondary outcomes:',
        '• Employment, month 6: 619',
        '• Employment, month 12: 617',
        '• Quality of life, month 6: 497',
        '• Quality of life, month 12: 452',
        '• Belief that work is good for health, month 6: 494',
        '• Belief that work is good for health, month 12: 450',
      ].join('\n'),
    );
    // Columns in plan order: the first arm on the left.
    expect(box(layout, 'allocated:IPS').x).toBeLessThan(box(layout, 'allocated:TVR').x);
    const swapped = layoutFromSpec(VERIFY.consort, { ...PLAN, arms: ['TVR', 'IPS'] });
    expect(box(swapped, 'allocated:TVR').x).toBeLessThan(box(swapped, 'allocated:IPS').x);
  });

  it('shows screening boxes with reasons only when the plan gives screening counts', () => {
    const withScreening = layoutFromSpec(VERIFY.consort, PLAN, 'nb');
    expect(withScreening.boxes.slice(0, 3).map(textOf)).toEqual([
      'Vurdert for deltakelse (n = 2\u202f000)',
      'Ikke inkludert (n = 766)\n• Oppfylte ikke kriteriene for å delta: 512\n• Ønsket ikke å delta: 254',
      'Randomisert (n = 1\u202f234)',
    ]);
    const without = layoutFromSpec(VERIFY_UNVERIFIED.consort);
    expect(without.boxes.map((b) => b.id).filter((id) => !id.includes(':'))).toEqual(['randomized']);
    expect(box(without, 'randomized').y).toBe(FLOW.margin);
    // No reasons given: the assessed box, but no empty excluded box.
    const noReasons = layoutFromSpec({ ...VERIFY.consort, screening: { assessed: 1500, excluded: [] } });
    expect(noReasons.boxes.map((b) => b.id).filter((id) => !id.includes(':'))).toEqual(['assessed', 'randomized']);
  });

  it('colours each arm by its role and draws shared boxes in ink', () => {
    const layout = layoutFromSpec(VERIFY.consort);
    for (const b of layout.boxes) {
      const arm = b.id.split(':')[1];
      expect(b.stroke, b.id).toBe(arm === undefined ? '#1a1a1a' : arm === 'TVR' ? OKABE_ITO.orange : OKABE_ITO.blue);
    }
    expect(box(layout, 'allocated:TVR').fill).toBe(ARM_TINT.orange);
    expect(box(layout, 'allocated:IPS').fill).toBe(ARM_TINT.blue);
    expect(box(layout, 'analysed:IPS').fill).toBe('#ffffff');
  });

  for (const [name, consort] of [
    ['with screening', VERIFY.consort],
    ['without screening', VERIFY_UNVERIFIED.consort],
    ['with long texts', LONG],
  ] as const) {
    for (const lang of ['nb', 'en'] as const) {
      it(`keeps boxes apart, inside the canvas, and their text inside them (${name}, ${lang})`, () => {
        const layout = layoutFromSpec(consort, PLAN, lang);
        for (const b of layout.boxes) {
          expect(b.x, b.id).toBeGreaterThanOrEqual(0);
          expect(b.y, b.id).toBeGreaterThanOrEqual(0);
          expect(b.x2, b.id).toBeLessThanOrEqual(layout.width);
          expect(b.y2, b.id).toBeLessThanOrEqual(layout.height);
          const inner = b.x2 - b.x - 2 * FLOW.padX;
          for (const line of b.title) expect(estimateTextWidth(line, FLOW.fontSize, true), line).toBeLessThanOrEqual(inner);
          for (const line of b.lines) expect(estimateTextWidth(line, FLOW.fontSize), line).toBeLessThanOrEqual(inner);
          expect(b.text_x).toBe(b.x + FLOW.padX);
          expect(b.title_y).toBe(b.y + FLOW.padY);
          expect(b.body_y).toBe(b.title_y + b.title.length * FLOW.lineHeight);
          expect(b.body_y + b.lines.length * FLOW.lineHeight + FLOW.padY, b.id).toBeLessThanOrEqual(b.y2);
        }
        for (const [i, a] of layout.boxes.entries()) {
          for (const b of layout.boxes.slice(i + 1)) {
            const apart = a.x2 <= b.x || b.x2 <= a.x || a.y2 <= b.y || b.y2 <= a.y;
            expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
          }
        }
      });
    }
  }

  it('wraps long lines instead of letting them run out of the box, keeping every word', () => {
    const layout = layoutFromSpec(LONG);
    const excluded = box(layout, 'excluded');
    expect(excluded.lines.length).toBeGreaterThan(4);
    const words = (s: string) => s.replace(/\s+/g, '');
    expect(words(excluded.lines.join(''))).toBe(words(LONG.screening!.excluded.map((e) => `• ${e.reason.en}: ${e.n.toLocaleString('en-GB')}`).join('')));
  });

  it('lines up each row of the two columns and ends every arrow at a box edge', () => {
    const layout = layoutFromSpec(VERIFY.consort);
    for (const stage of ['allocated', 'withdrawn', 'registry', 'questionnaires', 'analysed']) {
      const [a, b] = [box(layout, `${stage}:IPS`), box(layout, `${stage}:TVR`)];
      expect([a.y, a.y2]).toEqual([b.y, b.y2]);
    }
    // One arrowhead per arrow into a box: assessed → randomized, → excluded, and five per column.
    expect(layout.heads).toHaveLength(2 + 2 * 5);
    const h = (Math.sqrt(3) / 2) * (Math.sqrt(FLOW.arrowheadSize) / 2);
    for (const head of layout.heads) {
      const tip = head.shape === 'triangle-down' ? { x: head.x, y: head.y + h } : { x: head.x + h, y: head.y };
      const target = layout.boxes.find((b) =>
        head.shape === 'triangle-down' ? Math.abs(b.y - tip.y) < 1e-9 && b.x < tip.x && tip.x < b.x2 : Math.abs(b.x - tip.x) < 1e-9 && b.y < tip.y && tip.y < b.y2,
      );
      expect(target, JSON.stringify(head)).toBeDefined();
    }
    for (const s of layout.segments) expect(s.x === s.x2 || s.y === s.y2, JSON.stringify(s)).toBe(true);
  });
});

describe('wrapText and estimateTextWidth', () => {
  it('counts wide letters wider than narrow ones, and bold wider than regular', () => {
    expect(estimateTextWidth('MMMM', 12)).toBeGreaterThan(estimateTextWidth('iiii', 12));
    expect(estimateTextWidth('Randomisert', 12, true)).toBeGreaterThan(estimateTextWidth('Randomisert', 12));
    // Over half an em per character on average for ordinary text, spaces included (real fonts need about that).
    const s = 'Tro på at arbeid er bra for helsen, måned 12: 466';
    expect(estimateTextWidth(s, 12) / s.length).toBeGreaterThan(0.5 * 12);
  });

  it('breaks at spaces, cuts a word longer than a line, and drops no character', () => {
    expect(wrapText('a b c', 1000, 12)).toEqual(['a b c']);
    const lines = wrapText('alpha beta gamma delta', estimateTextWidth('gamma delta', 12), 12);
    expect(lines).toEqual(['alpha beta', 'gamma delta']);
    const long = 'x'.repeat(100);
    const cut = wrapText(long, 100, 12);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe(long);
    expect(wrapText('', 100, 12)).toEqual([]);
    // A number's no-break space is not a place to break.
    expect(wrapText('n = 1\u202f234', estimateTextWidth('1\u202f234', 12), 12)).toEqual(['n =', '1\u202f234']);
  });
});

describe('consortFlowSpec rendered', () => {
  it('gives an accessible, deterministic SVG in which every box has a readable name', async () => {
    const spec = consortFlowSpec(VERIFY.consort, PLAN, 'nb');
    const svg = await renderSvg(spec);
    expect(await renderSvg(spec)).toBe(svg);
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toContain('aria-label="Deltakernes vei gjennom forsøket (CONSORT)"');
    expect(svg).toContain('<title>Deltakernes vei gjennom forsøket (CONSORT)</title><desc>Flytdiagram med én kolonne per gruppe');
    expect(svg).toContain('aria-label="Trukket til IPS (n = 611). Tiltaksgruppe"');
    expect(svg).toContain('aria-label="Registerdata om arbeid. Måned 6: 619. Måned 12: 617. Måned 18: 615"');
    expect(svg).toContain('>Trukket til TVR (n = 623)<');
    expect(JSON.stringify(spec)).not.toMatch(/"url"/);
    // The layout is in pixels: the SVG is exactly its size plus the room for the title.
    const { width, height } = spec as unknown as { width: number; height: number };
    expect(root).toContain(`width="${width}" height="${height + 30}"`);
  });

  it('escapes hostile screening reasons and measure labels', async () => {
    const svg = await renderSvg(consortFlowSpec(EVIL_VERIFY.consort, EVIL_VERIFY_PLAN, 'en'));
    expect(svg).not.toMatch(/<img|<svg onload|<script/i);
    expect(svg).toContain('&lt;img');
    expect(svg).toContain('&lt;svg onload=alert(3)&gt;, month 6');
    expect(EVIL_REASON).toContain('<img');
  });
});
