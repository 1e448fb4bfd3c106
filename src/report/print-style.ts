/**
 * The report on paper: the rules a browser applies when the page is printed or saved as
 * PDF (`ips-rct … --pdf` goes through the same rules in headless Chromium). Appended after
 * the screen style, so these win where both speak.
 *
 * - A4 with 15 mm margins (18 mm at the foot, where Chromium's PDF footer puts the page
 *   number: Chromium does not draw CSS `@page` margin boxes, so the number comes from the
 *   footer template in `pdf.ts`, or from the print dialog's "headers and footers").
 * - Nothing a reader compares at a glance is split over two pages where it can be avoided:
 *   a chart with its caption, a table row, the main-result box, the warning, the CHEERS
 *   box's entries; a heading stays with what follows it.
 * - The tables folded under each chart are printed open (paper cannot be clicked) and
 *   their "show the numbers" toggle is hidden. `::details-content` is Chromium 131+; an
 *   older browser prints them closed, which loses the table but breaks nothing.
 * - Black text on white, no tinted bands (printers and toner), but boxes keep their rules
 *   (the warning its vermilion frame) so they still read as boxes. Charts keep their
 *   colours (the Okabe–Ito palette, chosen to stay apart for colour-blind readers).
 * - A link prints its address after its text, since paper cannot be clicked; links within
 *   the page (`#…`) do not.
 */
import { OKABE_ITO } from './charts/style.ts';

export const PRINT_STYLE = `
@media print {
  @page { size: A4; margin: 15mm 15mm 18mm; }
  :root { --ink: #000; --muted: #333; --rule: #999; --band: #fff; }
  html { background: #fff; color: #000; font-size: 10.5pt; line-height: 1.4; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; orphans: 3; widows: 3; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 1.5rem; }
  h3 { font-size: 12pt; margin-top: 1.25rem; }
  h1, h2, h3, h4, caption, summary, p.table-lede, p.symbols-heading { break-after: avoid; page-break-after: avoid; }
  h2, h3 { break-inside: avoid; }
  /* A heading's one-paragraph lead stays with the chart or table it introduces. */
  :is(h2, h3) + p:has(+ figure, + table, + .scroll) { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  /* A table moves whole to the next page if it fits there; a longer one runs over pages
     row by row, its head repeated. A chart is never cut. */
  table, caption { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  figure { break-inside: auto; }
  .chart, .chart svg, svg, figcaption, p.formula { break-inside: avoid; page-break-inside: avoid; }
  .chart { break-after: avoid; }
  .chart svg { max-width: 100%; height: auto; }
  .key-result, .alert, .cb-lead, aside.cheers dl > *, li { break-inside: avoid; page-break-inside: avoid; }
  .key-result, .alert, aside.cheers { background: #fff; }
  .key-result { border: 1px solid var(--rule); border-left: .5rem solid ${OKABE_ITO.blue}; }
  aside.cheers table { background: #fff; }
  /* The folded tables print open; the toggle that opens them is no use on paper. */
  details > summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details { margin: .25rem 0 .75rem; }
  /* Wide tables wrap instead of being cut at the paper's edge (nothing scrolls on paper). */
  .scroll { overflow: visible; }
  .scroll td, .flag, table.qol th.level { white-space: normal; }
  a { color: #000; text-decoration: underline; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: .9em; overflow-wrap: anywhere; }
  footer { break-inside: avoid; margin-top: 1.5rem; }
  button, input, select, .no-print { display: none !important; }
}
`;
