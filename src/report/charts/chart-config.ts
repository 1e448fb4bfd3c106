/**
 * Vega-Lite config shared by the employment charts: the page's font, sizes close to its body
 * text, the report language's number locale, and no English aria text from Vega.
 */
import type { Config } from 'vega-lite';
import { vegaNumberLocale, type Lang } from '../texts.ts';
import { CHART_FONT } from './style.ts';

/** The `config` of a chart in `lang`. */
export function chartConfig(lang: Lang): Config {
  return {
    font: CHART_FONT,
    title: { fontSize: 15 },
    text: { fontSize: 12 },
    locale: { number: vegaNumberLocale[lang] },
    // Vega writes axis and legend descriptions in English; the <desc> and the table carry them instead.
    axis: { aria: false, labelFontSize: 12, titleFontSize: 12 },
    legend: { aria: false, labelFontSize: 12, titleFontSize: 12 },
    view: { stroke: null },
  };
}
