/** The console: one line per stage off a terminal; on one, details and a throttled progress line. */
import { describe, expect, it } from 'vitest';
import { formatDuration, progressText, RunConsole } from '../../pipeline/run-console.ts';

/** A stream that keeps what was written, and a clock the test moves. */
function setup(options: { tty: boolean; quiet?: boolean; verbose?: boolean; columns?: number }) {
  const chunks: string[] = [];
  let now = 0;
  const out = { write: (s: string) => chunks.push(s), columns: options.columns };
  const con = new RunConsole(out, { tty: options.tty, quiet: options.quiet ?? false, verbose: options.verbose, clock: () => now });
  return {
    con,
    chunks,
    text: () => chunks.join(''),
    /** What a terminal would show: each \r returns to the line start and overwrites it. */
    screen: () => chunks.join('').split('\n').map((line) => line.split('\r').reduce((shown, part) => part + shown.slice(part.length), '').trimEnd()),
    advance: (ms: number) => (now += ms),
  };
}

describe('off a terminal', () => {
  it('prints one line per stage and the warnings, and drops details and progress', () => {
    const t = setup({ tty: false });
    t.con.stageStarted('outcomes');
    t.con.detail('  month 6: rates ...');
    t.con.progress('bootstrap', 5, 10);
    t.con.warn('something to know');
    t.con.notice('  report.pdf: 3 pages');
    t.con.stageLine('outcomes ran in 812 ms (no earlier run)');
    expect(t.text()).toBe('warning: something to know\n  report.pdf: 3 pages\noutcomes ran in 812 ms (no earlier run)\n');
    expect(t.text()).not.toContain('\r');
  });

  it('with --verbose also prints the details, under the stage name', () => {
    const t = setup({ tty: false, verbose: true });
    t.con.stageStarted('outcomes');
    t.con.detail('  month 6: rates ...');
    t.con.detail('  month 12: rates ...');
    t.con.progress('bootstrap', 5, 10);
    t.con.stageLine('outcomes ran in 812 ms (no earlier run)');
    expect(t.text()).toBe('outcomes ...\n  month 6: rates ...\n  month 12: rates ...\noutcomes ran in 812 ms (no earlier run)\n');
  });

  it('with --quiet prints nothing at all', () => {
    for (const tty of [false, true]) {
      const t = setup({ tty, quiet: true, verbose: true });
      t.con.stageStarted('outcomes');
      t.con.detail('  d');
      t.con.progress('bootstrap', 1, 10);
      t.con.warn('w');
      t.con.notice('n');
      t.con.stageLine('outcomes ran in 1 ms');
      t.con.clear();
      expect(t.chunks).toEqual([]);
    }
  });
});

describe('on a terminal', () => {
  it('draws one progress line with percent and time left, and clears it when the stage ends', () => {
    const t = setup({ tty: true });
    t.con.stageStarted('outcomes');
    t.con.progress('bootstrap', 0, 200);
    t.advance(1000);
    t.con.progress('bootstrap', 50, 200);
    expect(t.screen().at(-1)).toBe('outcomes: bootstrap 25% (50/200), 3 s left');
    t.con.stageLine('outcomes ran in 4000 ms (no earlier run)');
    expect(t.screen()).toEqual(['outcomes ran in 4000 ms (no earlier run)', '']);
  });

  it('redraws at most every 100 ms', () => {
    const t = setup({ tty: true });
    t.con.stageStarted('quality-of-life');
    t.con.progress('imputation', 0, 1000);
    const before = t.chunks.length;
    for (let i = 1; i <= 100; i++) {
      t.advance(5);
      t.con.progress('imputation', i, 1000);
    }
    // 500 ms of updates every 5 ms: 5 redraws, not 100.
    expect(t.chunks.length - before).toBe(5);
    expect(t.screen().at(-1)).toMatch(/^quality-of-life: imputation 10% \(100\/1000\)/);
  });

  it('a new label keeps to the same rate of redraws, and has its own pace', () => {
    const t = setup({ tty: true });
    t.con.stageStarted('outcomes');
    t.con.progress('permutations', 10, 100);
    t.advance(10);
    t.con.progress('bootstrap', 1, 100);
    expect(t.screen().at(-1)).toBe('outcomes: permutations 10% (10/100)');
    t.advance(600);
    t.con.progress('bootstrap', 1, 100);
    // No time left yet: nothing was done since bootstrap began.
    expect(t.screen().at(-1)).toBe('outcomes: bootstrap 1% (1/100)');
    t.advance(600);
    t.con.progress('bootstrap', 11, 100);
    // 10 done in the 1210 ms since bootstrap began: 89 to go take about 10.8 s.
    expect(t.screen().at(-1)).toBe('outcomes: bootstrap 11% (11/100), 11 s left');
    // Steps running side by side: each label keeps its own pace.
    t.advance(1000);
    t.con.progress('permutations', 55, 100);
    expect(t.screen().at(-1)).toBe('outcomes: permutations 55% (55/100), 2 s left');
    t.advance(1000);
    t.con.progress('bootstrap', 21, 100);
    // 20 done in the 3200 ms since bootstrap began: 79 to go take about 12.6 s.
    expect(t.screen().at(-1)).toBe('outcomes: bootstrap 21% (21/100), 13 s left');
  });

  it('prints details above the progress line and keeps it', () => {
    const t = setup({ tty: true });
    t.con.stageStarted('outcomes');
    t.con.progress('bootstrap', 1, 4);
    t.con.detail('  month 6: rates ...');
    expect(t.screen()).toEqual(['outcomes ...', '  month 6: rates ...', 'outcomes: bootstrap 25% (1/4)']);
  });

  it('fits the line to the terminal width', () => {
    const t = setup({ tty: true, columns: 30 });
    t.con.stageStarted('outcomes');
    t.con.progress('a very long label for a progress line', 1, 4);
    expect(t.screen().at(-1)!.length).toBeLessThanOrEqual(29);
    expect(t.screen().at(-1)).toMatch(/…$/);
  });
});

describe('text helpers', () => {
  it('formats time left', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
  });

  it('gives no time left until there is a pace to go by', () => {
    expect(progressText('s', 'x', 0, 10, 5000, 0)).toBe('s: x 0% (0/10)');
    expect(progressText('s', 'x', 5, 10, 100, 0)).toBe('s: x 50% (5/10)');
    expect(progressText('s', 'x', 5, 10, 5000, 0)).toBe('s: x 50% (5/10), 5 s left');
    expect(progressText(null, 'x', 10, 10, 5000, 0)).toBe('x 100% (10/10)');
  });
});
