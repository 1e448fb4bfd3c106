/**
 * HTML escaping and a tagged template that escapes by default.
 *
 * Site names, arm labels, the trial name, file names and warnings all come from input
 * files. With `html\`…\`` every interpolation is escaped unless it is itself the result of
 * `html` or an explicit `raw()`, so forgetting to escape cannot happen silently; and plain
 * numbers are refused by the types, so a count cannot reach the page unformatted.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters that are special in HTML text and quoted attribute values.
 * @example escapeHtml(`<a href="x">Tom & Jerry's</a>`) // '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A fragment of HTML that is already safe to insert; made only by `html` and `raw`. */
class SafeHtml {
  // A private field makes the type nominal: a look-alike object is not a SafeHtml.
  readonly #html: string;
  constructor(markup: string) {
    this.#html = markup;
  }
  toString(): string {
    return this.#html;
  }
}
export type { SafeHtml };

/** What `html` accepts: text (escaped), trusted fragments, lists of either, or nothing. */
export type HtmlValue = string | SafeHtml | null | undefined | false | readonly HtmlValue[];

/**
 * Marks a trusted fragment (our own SVG, markup built elsewhere) to be inserted as is.
 * Never pass text derived from input data that has not been escaped.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/**
 * Tagged template for HTML: interpolated strings are escaped, `SafeHtml` is inserted as is,
 * arrays are joined, and `null`/`undefined`/`false` render nothing (for optional parts).
 * @example String(html`<p>${'<b>'}</p>`) // '<p>&lt;b&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.toString();
  if (typeof v === 'string') return escapeHtml(v);
  if (Array.isArray(v)) return v.map(render).join('');
  // Reached only if a caller bypasses the types (say, a number cast to HtmlValue).
  throw new TypeError(`html: cannot interpolate a ${typeof v}; format it to a string first`);
}
