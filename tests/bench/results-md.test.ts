/** bench/results.md (bench/results-md.ts). */
import { describe, expect, it } from 'vitest';
import type { MachineInfo } from '../../bench/machine.ts';
import { extractGap, formatResults, GAP_BEGIN, GAP_END, GAP_PLACEHOLDER, type BenchReport } from '../../bench/results-md.ts';
import { sizeResult } from './fixtures.ts';

const machine: MachineInfo = { cpu: 'AMD EPYC', cores: 2, memoryGiB: 23.5, os: 'linux 6.1', node: 'v20.20.2', tool: '0.1.0', commit: 'abc1234', loadStart: 0.5, loadEnd: 0.75 };

function report(over: Partial<BenchReport> = {}): BenchReport {
  return {
    started: '2026-11-23 16:59 UTC',
    invocation: 'npm run bench -- --sizes 410',
    machine,
    referenceVersions: { R: '4.2.2', 'data.table': '1.14.8', survival: '3.5.3' },
    referenceSkipped: null,
    pipelineCommand: 'node --import tsx pipeline/cli.ts',
    forced: true,
    peakSource: 'from `/usr/bin/time -f %M`',
    startup: { wallMs: 800, peakMiB: 150 },
    startupReps: 5,
    sizes: [sizeResult()],
    ...over,
  };
}

const tableRow = (md: string, first: string) => md.split('\n').find((l) => l.startsWith(`| ${first} |`));

describe('formatResults', () => {
  it('has the machine, the targets, one section per size in increasing size, and the gap section last', () => {
    const md = formatResults(report({ sizes: [sizeResult({ participants: 100_000, resamples: 1_000 }), sizeResult()] }), null);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# Benchmark results', '## Machine', '## How it was measured', '## Targets', '## 410 participants', '## 100,000 participants', '## What limits the gap']);
    expect(tableRow(md, 'CPU')).toBe('| CPU | AMD EPYC, 2 cores |');
    expect(tableRow(md, 'R')).toBe('| R | 4.2.2 (data.table 1.14.8, survival 3.5.3) |');
    expect(md).toContain('--out O --force`');
    expect(md.endsWith(`${GAP_BEGIN}\n${GAP_PLACEHOLDER}\n${GAP_END}\n`)).toBe(true);
  });

  it('shows per-stage rows, their sum and maximum, the run, R and the ratio', () => {
    const md = formatResults(report(), null);
    expect(tableRow(md, 'ingest')).toBe('| ingest | 300 | 150 | 100 |');
    expect(tableRow(md, 'all stages, each its own process')).toBe('| all stages, each its own process | 1,000 | 190 | 500 |');
    expect(tableRow(md, '**whole pipeline, `ips-rct run`**')).toBe('| **whole pipeline, `ips-rct run`** | **1,000** | **200** | |');
    expect(tableRow(md, 'R reference, `Rscript bench/reference.R`')).toBe('| R reference, `Rscript bench/reference.R` | 2,400 | 250 | |');
    expect(tableRow(md, '**pipeline / R**')).toBe('| **pipeline / R** | **0.42** | | |');
    expect(tableRow(md, '410')).toBe('| 410 | 10,000 | wall time under 1.50 s | 1.00 s | **met** |');
    expect(md).toContain('R\'s own total is 1,900 ms; the other 500 ms');
  });

  it('flags estimates on which the pipeline and R differ', () => {
    const md = formatResults(report({ sizes: [sizeResult({ agreement: [{ name: 'adjusted_odds_ratio', pipeline: 1.763, reference: 1.796 }] })] }), null);
    expect(md).toContain('adjusted odds ratio at the primary timepoint: pipeline 1.763000, R 1.796000 (**differ**)');
  });

  it('says why R did not run, and marks a development run', () => {
    const md = formatResults(report({ referenceVersions: null, referenceSkipped: 'Rscript not found', sizes: [sizeResult({ resamples: 20, overridden: true, reference: { ran: false, reason: 'Rscript not found' } })] }), null);
    expect(tableRow(md, 'R')).toBe('| R | not run: Rscript not found |');
    expect(md).toContain('R reference not run: Rscript not found.');
    expect(md).toContain('**Development run:**');
    expect(formatResults(report(), null)).not.toContain('**Development run:**');
  });

  it('warns when the machine was busy, at the start or at the end', () => {
    expect(formatResults(report(), null)).not.toContain('**Busy machine:**');
    expect(formatResults(report({ machine: { ...machine, loadEnd: 1.5 } }), null)).toContain('**Busy machine:** the load average was above half the 2 cores');
    expect(formatResults(report({ machine: { ...machine, loadStart: 7, loadEnd: null } }), null)).toContain('**Busy machine:**');
  });

  it('keeps the hand-written gap text of the previous file', () => {
    const text = 'Start-up dominates at 410: 0.8 s of the 1.0 s.\n\nAt 1 M, ingest.';
    const first = formatResults(report(), text);
    expect(extractGap(first)).toBe(text);
    expect(extractGap(formatResults(report(), extractGap(first)))).toBe(text);
    expect(extractGap(formatResults(report(), null))).toBe(GAP_PLACEHOLDER);
    expect(extractGap('# results without markers')).toBeNull();
    expect(extractGap(null)).toBeNull();
  });
});
