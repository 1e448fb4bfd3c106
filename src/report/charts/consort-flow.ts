/**
 * Chart: the CONSORT flow diagram. Built in two steps that are both plain data: the
 * layout (one row per box with its position and its wrapped text lines, one row per arrow
 * segment and per arrowhead), then a layered Vega-Lite spec that draws those rows on fixed
 * scales with no axes. Boxes are sized from their number of lines, and lines are wrapped
 * to the box width with a deliberately generous estimate of text width, so text stays
 * inside its box whatever sans-serif font the reader's machine has.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ArmCounts, ConsortFlow } from '../../design/consort.ts';
import type { AnalysisPlan, ScreeningPlan } from '../../io/plan.ts';
import { outcomeLabel } from '../labels.ts';
import { formatInteger, text, type Lang, type TextKey } from '../texts.ts';
import { armColors, armTints, CHART_FONT } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const CONSORT_FLOW = 'consort-flow';

/** Geometry and type of the diagram, in pixels. */
export const FLOW = {
  fontSize: 12,
  lineHeight: 16,
  padX: 10,
  padY: 8,
  margin: 4,
  columnWidth: 360,
  columnGap: 40,
  centreWidth: 320,
  /** Horizontal distance from the centre line to the side box of exclusions. */
  sideOffset: 30,
  rowGap: 28,
  splitGap: 44,
  arrowheadSize: 50,
} as const;

const WIDTH = 2 * FLOW.margin + 2 * FLOW.columnWidth + FLOW.columnGap;
const CENTRE = WIDTH / 2;
const INK = '#1a1a1a';
const ARROW = '#444444';

/** A box of the diagram: its rectangle, wrapped title (bold) and body lines, and colours. */
export interface FlowBox {
  id: string;
  x: number;
  y: number;
  x2: number;
  y2: number;
  title: string[];
  lines: string[];
  /** Where the title's first line starts (baseline 'top') and where the body starts. */
  text_x: number;
  title_y: number;
  body_y: number;
  fill: string;
  stroke: string;
  stroke_width: number;
  /** The box's whole text in one string: its accessible name. */
  label: string;
}

/** A straight piece of an arrow. */
export interface FlowSegment {
  x: number;
  y: number;
  x2: number;
  y2: number;
}

/** An arrowhead: a triangle centred at (x, y), its tip touching the box it points to. */
export interface FlowHead {
  x: number;
  y: number;
  shape: 'triangle-down' | 'triangle-right';
}

/** The whole diagram as data. */
export interface FlowLayout {
  width: number;
  height: number;
  boxes: FlowBox[];
  segments: FlowSegment[];
  heads: FlowHead[];
}

/** What a box says, before it is wrapped and placed. */
interface BoxContent {
  id: string;
  title: string;
  lines: string[];
}

/** Colours of a box: shared boxes in ink, an arm's boxes in its colour. */
interface BoxStyle {
  fill: string;
  stroke: string;
  stroke_width: number;
}

// Widths in em of characters in the widest common sans-serif (DejaVu Sans), rounded up;
// anything not listed counts as a wide lower-case letter.
const EM_WIDTHS: readonly [RegExp, number][] = [
  [/[ .,:;'!|ilj]/, 0.34],
  [/[ftr()[\]\-]/, 0.44],
  [/[mwMW@%æÆœŒ]/, 1.0],
  [/[A-ZÅØ]/, 0.8],
  [/[0-9]/, 0.66],
];
const OTHER_EM = 0.66;
const BOLD_FACTOR = 1.12;

/**
 * A generous estimate of how wide `s` is drawn at `fontSize` px, so that a line judged to
 * fit does fit in any common sans-serif font (Vega's own estimate, 0.8 em per character,
 * is not used because it wraps far too early).
 * @example estimateTextWidth('Randomisert', 12) // 74.64
 */
export function estimateTextWidth(s: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of s) em += EM_WIDTHS.find(([re]) => re.test(c))?.[1] ?? OTHER_EM;
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * Splits `s` into lines no wider than `width` px, at ordinary spaces where possible (a word
 * longer than a line is cut). Never returns an empty list for a string with a visible character.
 */
export function wrapText(s: string, width: number, fontSize: number, bold = false): string[] {
  const fits = (line: string) => estimateTextWidth(line, fontSize, bold) <= width;
  const lines: string[] = [];
  let line = '';
  // Ordinary spaces only: a no-break space (in '1 234', before '%') must hold.
  for (const word of s.split(/[ \t\n]+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const c of word) {
      if (line !== '' && !fits(line + c)) {
        lines.push(line);
        line = '';
      }
      line += c;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The diagram laid out: screening boxes (when the plan gives screening counts), the
 * randomized total, then one column per arm in plan order. Rows of boxes across the
 * columns share their height, so the columns line up.
 */
export function consortLayout(consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): FlowLayout {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const boxes: FlowBox[] = [];
  const segments: FlowSegment[] = [];
  const heads: FlowHead[] = [];
  const common: BoxStyle = { fill: '#ffffff', stroke: INK, stroke_width: 1 };
  const colours = armColors(plan);
  const tints = armTints(plan);
  const armStyle = (i: number, tinted: boolean): BoxStyle => ({ fill: tinted ? tints[i]! : '#ffffff', stroke: colours[i]!, stroke_width: 2 });
  const arrow = (x: number, y: number, x2: number, y2: number) => {
    const down = x === x2;
    const h = (Math.sqrt(3) / 2) * (Math.sqrt(FLOW.arrowheadSize) / 2);
    segments.push({ x, y, x2, y2 });
    heads.push(down ? { x: x2, y: y2 - h, shape: 'triangle-down' } : { x: x2 - h, y: y2, shape: 'triangle-right' });
  };

  let y = FLOW.margin;
  const total = plan.arms.reduce((sum, arm) => sum + (consort.randomized[arm] ?? 0), 0);
  const centreX = CENTRE - FLOW.centreWidth / 2;
  let above: FlowBox | null = null;
  if (consort.screening) {
    const [assessed, excluded] = screeningContent(consort.screening, lang);
    above = placeBox(assessed, centreX, y, FLOW.centreWidth, null, common);
    boxes.push(above);
    y = above.y2 + FLOW.rowGap;
    if (excluded) {
      const sideX = CENTRE + FLOW.sideOffset;
      const side = placeBox(excluded, sideX, y, WIDTH - FLOW.margin - sideX, null, common);
      boxes.push(side);
      arrow(CENTRE, (side.y + side.y2) / 2, side.x, (side.y + side.y2) / 2);
      y = side.y2 + FLOW.rowGap;
    }
  }
  const randomized = placeBox({ id: 'randomized', title: t('n_equals', { label: t('consort_randomized'), n: int(total) }), lines: [] }, centreX, y, FLOW.centreWidth, null, common);
  boxes.push(randomized);
  if (above) arrow(CENTRE, above.y2, CENTRE, randomized.y);

  // The split: down from the randomized box, across, and down into each column.
  const columnX = (i: number) => FLOW.margin + i * (FLOW.columnWidth + FLOW.columnGap);
  const columnCentre = (i: number) => columnX(i) + FLOW.columnWidth / 2;
  const splitY = randomized.y2 + FLOW.splitGap / 2;
  segments.push({ x: CENTRE, y: randomized.y2, x2: CENTRE, y2: splitY });
  segments.push({ x: columnCentre(0), y: splitY, x2: columnCentre(plan.arms.length - 1), y2: splitY });
  y = randomized.y2 + FLOW.splitGap;

  const rows = plan.arms.map((arm) => armColumnContent(consort, plan, arm, lang));
  let previous: FlowBox[] = [];
  for (let r = 0; r < rows[0]!.length; r++) {
    const contents = rows.map((column) => column[r]!);
    const height = Math.max(...contents.map((c) => boxHeight(wrapContent(c, FLOW.columnWidth))));
    const placed = contents.map((c, i) => placeBox(c, columnX(i), y, FLOW.columnWidth, height, armStyle(i, r === 0)));
    placed.forEach((box, i) => arrow(columnCentre(i), previous[i]?.y2 ?? splitY, columnCentre(i), box.y));
    boxes.push(...placed);
    previous = placed;
    y += height + FLOW.rowGap;
  }
  return { width: WIDTH, height: y - FLOW.rowGap + FLOW.margin, boxes, segments, heads };
}

/** The assessed box and, when reasons are given, the excluded side box. */
function screeningContent(screening: ScreeningPlan, lang: Lang): [BoxContent, BoxContent | null] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const int = (n: number) => formatInteger(n, lang);
  const assessed = { id: 'assessed', title: t('n_equals', { label: t('consort_assessed'), n: int(screening.assessed) }), lines: [] };
  if (screening.excluded.length === 0) return [assessed, null];
  const excludedTotal = screening.excluded.reduce((sum, e) => sum + e.n, 0);
  return [
    assessed,
    {
      id: 'excluded',
      title: t('n_equals', { label: t('consort_excluded'), n: int(excludedTotal) }),
      lines: screening.excluded.map((e) => t('consort_excluded_reason', { reason: e.reason[lang], n: int(e.n) })),
    },
  ];
}

/** The boxes of one arm's column, top to bottom. */
function armColumnContent(consort: ConsortFlow, plan: AnalysisPlan, arm: string, lang: Lang): BoxContent[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const n = (counts: ArmCounts) => formatInteger(counts[arm] ?? 0, lang);
  const line = (label: string, counts: ArmCounts) => t('count_of', { label, n: n(counts) });
  const month = (m: number) => t('consort_month', { month: String(m) });
  const primary = consort.analysed.filter((a) => a.primary);
  const secondary = consort.analysed.filter((a) => !a.primary);
  const outcomeLine = (a: ConsortFlow['analysed'][number]) => `• ${line(outcomeLabel(a.outcome, a.month, plan, lang), a.arms)}`;
  return [
    {
      id: `allocated:${arm}`,
      title: t('n_equals', { label: t('consort_allocated', { arm }), n: n(consort.randomized) }),
      lines: [t(arm === plan.control_arm ? 'consort_role_control' : 'consort_role_intervention')],
    },
    { id: `withdrawn:${arm}`, title: t('n_equals', { label: t('consort_withdrawn'), n: n(consort.withdrawn) }), lines: [t('consort_withdrawn_note')] },
    { id: `registry:${arm}`, title: t('consort_registry'), lines: consort.registry.map((r) => line(month(r.month), r.arms)) },
    {
      id: `questionnaires:${arm}`,
      title: t('consort_questionnaires'),
      lines: consort.questionnaires.map((q) => line(q.wave === 0 ? t('consort_baseline_wave') : month(q.wave), q.arms)),
    },
    {
      id: `analysed:${arm}`,
      title: t('consort_analysed'),
      lines: [
        ...(primary.length > 0 ? [t('consort_primary'), ...primary.map(outcomeLine)] : []),
        ...(secondary.length > 0 ? [t('consort_secondary'), ...secondary.map(outcomeLine)] : []),
      ],
    },
  ];
}

/** Title and body wrapped to the inside of a box `width` wide. */
function wrapContent(c: BoxContent, width: number): { title: string[]; lines: string[] } {
  const inner = width - 2 * FLOW.padX;
  return { title: wrapText(c.title, inner, FLOW.fontSize, true), lines: c.lines.flatMap((l) => wrapText(l, inner, FLOW.fontSize)) };
}

/** Height of a box holding these lines. */
function boxHeight(w: { title: string[]; lines: string[] }): number {
  return 2 * FLOW.padY + (w.title.length + w.lines.length) * FLOW.lineHeight;
}

/** A box at (x, y), `width` wide, as tall as its text needs (or `height`, if given). */
function placeBox(c: BoxContent, x: number, y: number, width: number, height: number | null, style: BoxStyle): FlowBox {
  const w = wrapContent(c, width);
  const titleY = y + FLOW.padY;
  return {
    id: c.id,
    x,
    y,
    x2: x + width,
    y2: y + (height ?? boxHeight(w)),
    title: w.title,
    lines: w.lines,
    text_x: x + FLOW.padX,
    title_y: titleY,
    body_y: titleY + w.title.length * FLOW.lineHeight,
    ...style,
    label: [c.title, ...c.lines].join('. '),
  };
}

/**
 * Vega-Lite spec of the flow diagram: rectangles, bold titles, body text, arrow lines and
 * arrowheads, drawn from the layout's rows on scales fixed to the layout's pixel size.
 */
export function consortFlowSpec(consort: ConsortFlow, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const layout = consortLayout(consort, plan, lang);
  const x = { type: 'quantitative' as const, scale: { domain: [0, layout.width], nice: false, zero: false }, axis: null };
  const y = { type: 'quantitative' as const, scale: { domain: [0, layout.height], nice: false, zero: false, reverse: true }, axis: null };
  const textMark = { type: 'text', align: 'left', baseline: 'top', fontSize: FLOW.fontSize, lineHeight: FLOW.lineHeight, color: INK, aria: false } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_consort_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_consort_description'),
    width: layout.width,
    height: layout.height,
    // The layout is already in pixels: nothing may be resized to fit Vega's text estimate.
    autosize: { type: 'none' },
    padding: { top: 30, left: 0, right: 0, bottom: 0 },
    layer: [
      {
        data: { values: layout.boxes },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'x', ...x },
          x2: { field: 'x2' },
          y: { field: 'y', ...y },
          y2: { field: 'y2' },
          fill: { field: 'fill', type: 'nominal', scale: null },
          stroke: { field: 'stroke', type: 'nominal', scale: null },
          strokeWidth: { field: 'stroke_width', type: 'quantitative', scale: null },
          description: { field: 'label', type: 'nominal' },
        },
      },
      {
        data: { values: layout.boxes },
        mark: { ...textMark, fontWeight: 'bold' },
        encoding: { x: { field: 'text_x', ...x }, y: { field: 'title_y', ...y }, text: { field: 'title', type: 'nominal' } },
      },
      {
        data: { values: layout.boxes },
        mark: textMark,
        encoding: { x: { field: 'text_x', ...x }, y: { field: 'body_y', ...y }, text: { field: 'lines', type: 'nominal' } },
      },
      {
        data: { values: layout.segments },
        mark: { type: 'rule', color: ARROW, strokeWidth: 1.5, aria: false },
        encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' } },
      },
      {
        data: { values: layout.heads },
        mark: { type: 'point', filled: true, opacity: 1, color: ARROW, size: FLOW.arrowheadSize, aria: false },
        encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, shape: { field: 'shape', type: 'nominal', scale: null } },
      },
    ],
    config: {
      font: CHART_FONT,
      title: { fontSize: 15 },
      view: { stroke: null },
    },
  };
}
