/**
 * bench/results.md from a bench's measurements. Pure: the same report gives the same text,
 * and the layout (sections, tables, row order) does not depend on the figures.
 *
 * The text between the gap markers is written by people (what limits the remaining gap,
 * from profiling); a rerun keeps it (extractGap).
 */
import { formatNumber } from './format-number.ts';
import type { MachineInfo } from './machine.ts';
import { AGREEMENT_LABELS } from './reference-output.ts';
import { agrees, ratio, type Sample, type SizeResult } from './summary.ts';
import { assessTargets, type TargetRow } from './targets.ts';

export const GAP_BEGIN = '<!-- gap:begin (kept by reruns of the bench) -->';
export const GAP_END = '<!-- gap:end -->';
export const GAP_PLACEHOLDER = '_To be written from profiling: which stage and which step dominate at each size, and why._';

export interface BenchReport {
  /** When the bench started, e.g. "2026-11-23 16:58 UTC". */
  started: string;
  /** The command line as typed, e.g. "npm run bench -- --sizes 410". */
  invocation: string;
  machine: MachineInfo;
  /** R and package versions; null when the reference did not run. */
  referenceVersions: Record<string, string> | null;
  /** Why the R reference did not run at all; null when it ran. */
  referenceSkipped: string | null;
  /** How the pipeline was started, e.g. "node --import tsx pipeline/cli.ts". */
  pipelineCommand: string;
  /** Whether `--force` was passed (the CLI offers it). */
  forced: boolean;
  /** How peak memory was measured. */
  peakSource: string;
  /** `ips-rct --version` alone: the CLI's start-up. */
  startup: Sample | null;
  startupReps: number;
  sizes: SizeResult[];
}

const dash = '–';
const ms = (x: number | null): string => (x === null ? dash : formatNumber(x));
const mib = (x: number | null): string => (x === null ? dash : formatNumber(x));
const seconds = (msValue: number): string => `${formatNumber(msValue / 1000, msValue < 10_000 ? 2 : 1)} s`;
const memory = (m: number): string => (m >= 1024 ? `${formatNumber(m / 1024, 2)} GiB` : `${formatNumber(m)} MiB`);
const bytes = (b: number): string => (b >= 1024 ** 3 ? `${formatNumber(b / 1024 ** 3, 2)} GiB` : `${formatNumber(b / 1024 ** 2, 1)} MiB`);

/** True when other work was running: a one-minute load above half the cores at the start or the end. */
export function busy(m: MachineInfo): boolean {
  return Math.max(m.loadStart, m.loadEnd ?? 0) > m.cores / 2;
}

/** The text between the gap markers of an earlier results.md, or null when there is none. */
export function extractGap(previous: string | null): string | null {
  if (previous === null) return null;
  const begin = previous.indexOf(GAP_BEGIN);
  const end = previous.indexOf(GAP_END, begin + GAP_BEGIN.length);
  if (begin < 0 || end < 0) return null;
  const text = previous.slice(begin + GAP_BEGIN.length, end).trim();
  return text === '' ? null : text;
}

function targetText(row: TargetRow): string {
  switch (row.kind) {
    case 'wall':
      return `wall time under ${seconds(row.limit)}`;
    case 'peak':
      return `peak memory under ${memory(row.limit)}`;
    case 'ratio':
      return `pipeline time / R time at most ${formatNumber(row.limit, 1)}`;
  }
}

function measuredText(row: TargetRow): string {
  if (row.measured === null) return dash;
  return row.kind === 'wall' ? seconds(row.measured) : row.kind === 'peak' ? memory(row.measured) : formatNumber(row.measured, 2);
}

function targetsSection(sizes: readonly SizeResult[]): string[] {
  const lines = [
    '## Targets',
    '',
    'The whole pipeline in one process (`ips-rct run`, report included), median wall time and peak memory, and its time over the R reference\'s on the same files in the same run.',
    '',
    '| participants | resamples and permutations | target | measured | verdict |',
    '|---:|---:|---|---:|---|',
  ];
  for (const row of assessTargets(sizes)) {
    const verdict = row.verdict === 'met' ? '**met**' : row.verdict === 'missed' ? '**missed**' : row.verdict;
    lines.push(`| ${formatNumber(row.participants)} | ${formatNumber(row.resamples)} | ${targetText(row)} | ${measuredText(row)} | ${verdict}${row.note ? ` (${row.note})` : ''} |`);
  }
  return lines;
}

function sizeSection(size: SizeResult): string[] {
  const d = size.data;
  const lines = [
    `## ${formatNumber(size.participants)} participants`,
    '',
    `${formatNumber(size.participants)} participants, ${formatNumber(d.registryRows)} registry rows` +
      `${d.registryMonths ? ` (months ${d.registryMonths.first}–${d.registryMonths.last})` : ''}, ${formatNumber(d.questionnaireRows)} questionnaire rows ` +
      `(${bytes(d.csvBytes)} of CSV, simulated in ${seconds(d.simulateMs)}); ${formatNumber(size.resamples)} bootstrap resamples and ${formatNumber(size.resamples)} permutations` +
      `${size.overridden ? ' (development override: not the targets\' count)' : ''}; median of ${size.reps} repetition${size.reps === 1 ? '' : 's'}.`,
    '',
    '| step | wall (ms) | peak memory (MiB) | inside `run` (ms) |',
    '|---|---:|---:|---:|',
  ];
  for (const s of size.stages) lines.push(`| ${s.name} | ${ms(s.wallMs)} | ${mib(s.peakMiB)} | ${ms(s.inRunMs)} |`);
  const peaks = size.stages.flatMap((s) => (s.peakMiB === null ? [] : [s.peakMiB]));
  const inRun = size.stages.flatMap((s) => (s.inRunMs === null ? [] : [s.inRunMs]));
  lines.push(
    `| all stages, each its own process | ${ms(size.stages.reduce((a, s) => a + s.wallMs, 0))} | ${mib(peaks.length ? Math.max(...peaks) : null)} | ${ms(inRun.length ? inRun.reduce((a, b) => a + b, 0) : null)} |`,
    `| **whole pipeline, \`ips-rct run\`** | **${ms(size.run.wallMs)}** | **${mib(size.run.peakMiB)}** | |`,
  );
  const ref = size.reference;
  if (ref.ran) {
    const r = ratio(size);
    lines.push(
      `| R reference, \`Rscript bench/reference.R\` | ${ms(ref.run.wallMs)} | ${mib(ref.run.peakMiB)} | |`,
      `| **pipeline / R** | **${r === null ? dash : formatNumber(r, 2)}** | | |`,
    );
  } else {
    lines.push(`| R reference | ${dash} | ${dash} | |`);
  }
  lines.push('');
  if (ref.ran) {
    const steps = Object.entries(ref.steps).filter(([k]) => k !== 'total');
    const total = ref.steps.total;
    const startUp = total === undefined ? '' : ` R's own total is ${formatNumber(total)} ms; the other ${formatNumber(Math.max(0, ref.run.wallMs - total))} ms of its wall time are R's start-up and loading its packages.`;
    lines.push(`R reference by step (R's own clock): ${steps.map(([k, v]) => `${k.replace(/_/g, ' ')} ${formatNumber(v)} ms`).join(', ')}.${startUp}`);
    const compared = size.agreement.map((a) => {
      const ok = agrees(a);
      const value = (x: number | null) => (x === null ? dash : x.toPrecision(7));
      return `${AGREEMENT_LABELS[a.name] ?? a.name}: pipeline ${value(a.pipeline)}, R ${value(a.reference)}${ok === null ? '' : ok ? ' (agree)' : ' (**differ**)'}`;
    });
    if (compared.length > 0) lines.push('', `Same analyses, same data (last repetition): ${compared.join('; ')}.`);
  } else {
    lines.push(`R reference not run: ${ref.reason}.`);
  }
  return lines;
}

/** The whole results.md; `gap` is the kept text of the previous file (or null for the placeholder). */
export function formatResults(report: BenchReport, gap: string | null): string {
  const m = report.machine;
  const rv = report.referenceVersions;
  const r = rv ? `${rv.R ?? '?'} (data.table ${rv['data.table'] ?? '?'}, survival ${rv.survival ?? '?'})` : `not run: ${report.referenceSkipped ?? 'unknown reason'}`;
  const load = `${formatNumber(m.loadStart, 2)} at the start${m.loadEnd === null ? '' : `, ${formatNumber(m.loadEnd, 2)} at the end`}`;
  const sizes = [...report.sizes].sort((a, b) => a.participants - b.participants);
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`${report.invocation}\` (bench/bench.ts), started ${report.started}. Do not edit by hand: rerun the bench. ` +
      'Only the text under "What limits the gap" is written by hand; a rerun keeps it.',
    '',
    ...(sizes.some((s) => s.overridden)
      ? ['**Development run:** the resample and permutation counts were overridden (`--resamples`), so these figures are not comparable with the targets.', '']
      : []),
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| Memory | ${formatNumber(m.memoryGiB, 1)} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| R | ${r} |`,
    `| ips-rct | ${m.tool}${m.commit ? `, commit ${m.commit}` : ''} |`,
    `| Load average (1 min) | ${load} |`,
    '',
    ...(busy(m)
      ? [`**Busy machine:** the load average was above half the ${m.cores} cores, so other work shared the CPU and these wall times are longer than on an idle machine. Rerun on an idle machine before comparing with the targets.`, '']
      : []),
    '## How it was measured',
    '',
    `Each size is a synthetic trial from \`ips-rct simulate --n N\` with a copy of its plan where \`bootstrap_resamples\` and \`permutations\` are set to the size's count (\`imputations\` as simulated). ` +
      `Per repetition, each stage runs as its own process, in order, into a fresh run folder (\`${report.pipelineCommand} <stage> --data D --plan P --out O${report.forced ? ' --force' : ''}\`); ` +
      `then the whole pipeline runs in one process (\`${report.pipelineCommand} run …${report.forced ? ' --force' : ''}\`, into another fresh folder): that is what the targets are about; then the R reference on the same files. ` +
      `Wall time: monotonic clock from spawn to exit, so it includes each process's start-up. Peak memory: ${report.peakSource}. "Inside \`run\`" is the stage's own time as the one-process run recorded it in its manifest. ` +
      `Every figure is the median over the repetitions.` +
      (report.startup ? ` The CLI's start-up alone (\`ips-rct --version\`) takes ${formatNumber(report.startup.wallMs)} ms (median of ${report.startupReps}).` : ''),
    '',
    ...targetsSection(sizes),
    '',
  ];
  for (const size of sizes) lines.push(...sizeSection(size), '');
  lines.push('## What limits the gap', '', GAP_BEGIN, gap ?? GAP_PLACEHOLDER, GAP_END, '');
  return lines.join('\n');
}
