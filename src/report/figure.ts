/**
 * A chart as the report shows it: the SVG, a description, and, folded away, the same
 * numbers as a table. The chart alone is not readable by everyone (screen readers, print,
 * copy-paste), and a table is what a reader checks figures against.
 */
import { html, raw, type SafeHtml } from './escape.ts';
import type { RenderedChart } from './html-report.ts';
import { text, type Lang } from './texts.ts';

/** The figure element for `chart`; `table` holds the numbers (thead, tbody, tfoot; no caption). */
export function chartFigure(chart: RenderedChart, caption: { title: string; description: string }, table: SafeHtml, lang: Lang): SafeHtml {
  return html`<figure id="${chart.name}">
<div class="chart">${raw(chart.svg)}</div>
<figcaption>${caption.description}</figcaption>
<details>
<summary>${text(lang, 'chart_show_table')}</summary>
<table>
<caption>${caption.title}</caption>
${table}
</table>
</details>
</figure>`;
}
