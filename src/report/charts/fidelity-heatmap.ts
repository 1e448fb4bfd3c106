/**
 * Chart: the IPS-25 item profile of each site as a heat map. A row per site, a column per
 * item (1–25); each cell is coloured by the item's score 1–5 (darker is closer to the IPS
 * model) and shows the score, so the chart is readable without telling colours apart. An
 * item not rated is a light grey cell with a dash.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FidelityResult } from '../../fidelity/fidelity.ts';
import { ITEM_COUNT } from '../../fidelity/scale.ts';
import { formatInteger, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const FIDELITY_HEATMAP = 'fidelity-items';

/** Scores 1–5, light to dark: a single-hue blue scale (ColorBrewer PuBu), the intervention's hue. */
export const SCORE_COLORS = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'] as const;
const NOT_RATED = '#e6e6e6';
const CELL = 22;

/** One cell: a site's score on an item (null when not rated). */
export interface HeatmapCell {
  site: string;
  item: number;
  score: number | null;
  /** The score as shown in the cell, or a dash. */
  label: string;
  /** The cell's accessible name. */
  point_label: string;
}

/** The cells, sites in the result's order, items 1–25. */
export function heatmapCells(fidelity: FidelityResult, lang: Lang): HeatmapCell[] {
  return fidelity.sites.flatMap((s) =>
    s.items.map((score, i) => ({
      site: s.site,
      item: i + 1,
      score,
      label: score === null ? '–' : formatInteger(score, lang),
      point_label:
        score === null
          ? text(lang, 'chart_fid_heatmap_missing', { site: s.site, item: String(i + 1) })
          : text(lang, 'chart_fid_heatmap_cell', { site: s.site, item: String(i + 1), score: formatInteger(score, lang) }),
    })),
  );
}

/** Vega-Lite spec for the item heat map, with all wording in `lang`. */
export function fidelityHeatmapSpec(fidelity: FidelityResult, lang: Lang): TopLevelSpec {
  const cells = heatmapCells(fidelity, lang);
  const sites = fidelity.sites.map((s) => s.site);
  const items = Array.from({ length: ITEM_COUNT }, (_, i) => i + 1);
  const x = { field: 'item', type: 'ordinal', scale: { domain: items }, title: text(lang, 'axis_fid_item'), axis: { labelAngle: 0, orient: 'top' } } as const;
  const y = { field: 'site', type: 'nominal', scale: { domain: sites }, title: null, axis: { labelLimit: 160 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_fid_heatmap_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_fid_heatmap_description'),
    data: { values: cells },
    width: ITEM_COUNT * CELL,
    height: sites.length * CELL,
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: 'datum.score == null' }],
        mark: { type: 'rect', color: NOT_RATED, stroke: '#ffffff', strokeWidth: 1 },
        encoding: { description: { field: 'point_label', type: 'nominal' } },
      },
      {
        transform: [{ filter: 'datum.score != null' }],
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'score',
            type: 'ordinal',
            scale: { domain: [1, 2, 3, 4, 5], range: [...SCORE_COLORS] },
            title: text(lang, 'chart_fid_heatmap_legend'),
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
          description: { field: 'point_label', type: 'nominal' },
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', fontSize: 11, aria: false },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: 'datum.score >= 4', value: '#ffffff' }, value: '#1a1a1a' },
        },
      },
    ],
    config: chartConfig(lang),
  };
}
