import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, type HtmlValue } from '../../src/report/escape.ts';

describe('escapeHtml', () => {
  it('escapes all five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('Tom & "Jerry" <3 \'x\'')).toBe('Tom &amp; &quot;Jerry&quot; &lt;3 &#39;x&#39;');
  });

  it('leaves other text alone, including Norwegian letters', () => {
    expect(escapeHtml('Sør-Trøndelag, Østfold, Ås')).toBe('Sør-Trøndelag, Østfold, Ås');
  });

  it('escapes an existing entity again, so text is shown exactly as written', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('html tagged template', () => {
  it('escapes interpolated strings, also in attribute position', () => {
    const site = '<script>alert(1)</script>';
    expect(String(html`<p title="${'"x"'}">${site}</p>`)).toBe('<p title="&quot;x&quot;">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('inserts nested html and raw() fragments as they are', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(String(html`<p>${inner}${raw('<svg></svg>')}</p>`)).toBe('<p><b>a&amp;b</b><svg></svg></p>');
  });

  it('joins lists and renders nothing for null, undefined and false', () => {
    const items = ['<1>', '<2>'].map((s) => html`<li>${s}</li>`);
    expect(String(html`<ul>${items}</ul>${null}${undefined}${false}`)).toBe('<ul><li>&lt;1&gt;</li><li>&lt;2&gt;</li></ul>');
  });

  it('refuses a value it does not know how to make safe', () => {
    expect(() => html`${42 as unknown as HtmlValue}`).toThrow(TypeError);
    expect(() => html`${{ toString: () => '<x>' } as unknown as HtmlValue}`).toThrow(TypeError);
  });
});
