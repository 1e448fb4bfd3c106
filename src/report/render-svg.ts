/**
 * Vega-Lite spec → standalone, accessible SVG string, in Node, without a browser or the
 * native `canvas` package.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.ts';

/** A chart that could not be rendered cleanly; the message lists what Vega reported. */
export class ChartRenderError extends Error {
  override name = 'ChartRenderError';
}

/**
 * Renders `spec` to an SVG string. The same spec gives byte-identical SVG, no resource is
 * ever loaded, and any Vega-Lite or Vega warning fails the render (a warning usually means
 * a chart that silently shows something other than intended).
 *
 * The root element gets `role="graphics-document"`, an `aria-label` with the title and
 * `<title>`/`<desc>` children, because Vega's SVG string output carries none of them.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const title = titleText(spec);
  const description = spec.description;
  if (!description) throw new ChartRenderError('Chart spec needs a description: it is the chart\'s text alternative');

  // If the optional `canvas` package is ever installed, Vega would measure text with the
  // machine's fonts and the layout would differ between machines; the estimate is portable.
  (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);

  const problems: string[] = [];
  const logger = strictLogger(problems);
  // Vega tags inline data rows with an id symbol in place; a clone keeps the caller's spec
  // (which is also written to disk) untouched and a second render identical to the first.
  const vgSpec = compile(structuredClone(spec), { logger }).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader: offlineLoader, logger });
  try {
    const svg = await view.toSVG();
    if (problems.length > 0) throw new ChartRenderError(`Chart "${title ?? description}": ${problems.join('; ')}`);
    return addAccessibleName(svg, title ?? description, description);
  } finally {
    view.finalize();
  }
}

/** The title text of a spec, whatever form the title takes; undefined if it has none. */
function titleText(spec: TopLevelSpec): string | undefined {
  const t = spec.title;
  const asText = (x: unknown): string | undefined =>
    typeof x === 'string' ? x : Array.isArray(x) && x.every((l) => typeof l === 'string') ? x.join(' ') : undefined;
  return asText(t) ?? (t && typeof t === 'object' && !Array.isArray(t) ? asText(t.text) : undefined);
}

/** Inserts role, aria-label, <title> and <desc> into the root <svg> element. */
function addAccessibleName(svg: string, label: string, description: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open || /\s(role|aria-label)=/.test(open[0])) {
    throw new ChartRenderError('Unexpected SVG from Vega: root element missing or already labelled');
  }
  const tag = open[0];
  const attrs = ` role="graphics-document" aria-label="${escapeHtml(label)}"`;
  const children = `<title>${escapeHtml(label)}</title><desc>${escapeHtml(description)}</desc>`;
  return `${tag.slice(0, -1)}${attrs}>${children}${svg.slice(tag.length)}`;
}

/** A loader that refuses every request: charts carry their data inline. */
const refuse = (what: string) => Promise.reject(new ChartRenderError(`Charts may not load resources (${what})`));
const offlineLoader: vega.Loader = {
  load: (uri) => refuse(uri),
  sanitize: (uri) => refuse(uri),
  http: (uri) => refuse(uri),
  file: (name) => refuse(name),
};

/** A logger (both Vega-Lite's and Vega's interface) that records warnings and errors. */
function strictLogger(problems: string[]) {
  let level = 2;
  const record = (args: unknown[]) => problems.push(args.map(String).join(' '));
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      record(args);
      return logger;
    },
    warn(...args: unknown[]) {
      record(args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
