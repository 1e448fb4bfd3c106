/**
 * What a command prints on stderr while it runs. On a terminal: one line per stage, the
 * stages' detail lines, and a single updating progress line (label, percent, time left)
 * redrawn at most ~10 times a second and cleared when the stage ends. Elsewhere (CI logs,
 * pipes): one line per stage plus warnings. With --quiet: nothing (errors are printed by
 * the CLI). With --verbose the detail lines are printed off a terminal too.
 *
 * Pure apart from writing to the stream it is given, with an injected clock, so tests can
 * drive it line by line.
 */

/** Where the console writes (process.stderr in the CLI). */
export interface ConsoleStream {
  write(text: string): unknown;
  /** Terminal width, when known. */
  columns?: number;
}

export interface RunConsoleOptions {
  /** The stream is a terminal: draw progress and detail lines. */
  tty: boolean;
  /** Print nothing. */
  quiet: boolean;
  /** Print detail lines off a terminal too. */
  verbose?: boolean;
  /** Milliseconds, monotonic (performance.now in the CLI). */
  clock?: () => number;
  /** Least time between two progress redraws, ms (default 100: ~10 Hz). */
  intervalMs?: number;
}

/** Remaining time in words: "12 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * The progress line's text: `stage: label 45% (900/2000), 12 s left`. The time left is
 * extrapolated from the pace since the label's first report, once some work is done and
 * at least half a second has passed.
 */
export function progressText(stage: string | null, label: string, done: number, total: number, elapsedMs: number, doneAtStart: number): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const head = `${stage === null ? '' : `${stage}: `}${label} ${Math.floor(100 * fraction)}% (${done}/${total})`;
  const progressed = done - doneAtStart;
  if (progressed <= 0 || elapsedMs < 500 || done >= total) return head;
  return `${head}, ${formatDuration((elapsedMs / progressed) * (total - done))} left`;
}

export class RunConsole {
  private readonly clock: () => number;
  private readonly intervalMs: number;
  private readonly detailed: boolean;
  /** Length of the transient line on screen (0: none). */
  private shown = 0;
  /** The transient line's last text, to redraw after a permanent line. */
  private lastText = '';
  private lastDraw = -Infinity;
  private stage: string | null = null;
  private headerPrinted = false;
  /** Pace per label since its first report in this stage (labels may interleave when steps run in parallel). */
  private paces = new Map<string, { start: number; doneAtStart: number; lastDone: number }>();
  private drawnInStage = false;

  constructor(
    private readonly out: ConsoleStream,
    private readonly options: RunConsoleOptions,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.detailed = !options.quiet && (options.tty || options.verbose === true);
  }

  /** A stage begins: its detail lines and progress are shown under its name. */
  stageStarted(name: string): void {
    this.clear();
    this.stage = name;
    this.headerPrinted = false;
    this.paces.clear();
    this.drawnInStage = false;
    this.lastDraw = -Infinity;
    if (this.options.tty && !this.options.quiet) this.draw(`${name} ...`);
  }

  /** The stage's one line (ran, reused, failed); ends its progress line. */
  stageLine(text: string): void {
    this.stage = null;
    this.paces.clear();
    this.permanent(text);
  }

  /** A detail line (indented by the caller): on a terminal or with --verbose only. */
  detail(line: string): void {
    if (!this.detailed) return;
    if (this.stage !== null && !this.headerPrinted) {
      this.headerPrinted = true;
      this.permanent(`${this.stage} ...`, true);
    }
    this.permanent(line, true);
  }

  /** A line every log shows unless --quiet. */
  notice(line: string): void {
    this.permanent(line, true);
  }

  /** A warning, shown unless --quiet. */
  warn(line: string): void {
    this.permanent(`warning: ${line}`, true);
  }

  /** Progress of a long step; drawn on a terminal, throttled, else ignored. */
  progress(label: string, done: number, total: number): void {
    if (!this.options.tty || this.options.quiet) return;
    const now = this.clock();
    let pace = this.paces.get(label);
    // A new label (or a count that went back) starts a new pace for the time left.
    if (pace === undefined || done < pace.lastDone) this.paces.set(label, (pace = { start: now, doneAtStart: done, lastDone: done }));
    else pace.lastDone = done;
    if (this.drawnInStage && now - this.lastDraw < this.intervalMs) return;
    this.drawnInStage = true;
    this.draw(progressText(this.stage, label, done, total, now - pace.start, pace.doneAtStart));
  }

  /** Removes the progress line, if one is shown. */
  clear(): void {
    if (this.shown === 0) return;
    this.out.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }

  private draw(text: string): void {
    // A terminal of unknown size (0 under some pseudo-terminals) is taken as 80 columns.
    const columns = this.out.columns !== undefined && this.out.columns > 0 ? this.out.columns : 80;
    const width = Math.max(20, columns - 1);
    const fitted = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.out.write(`\r${fitted}${' '.repeat(Math.max(0, this.shown - fitted.length))}`);
    this.shown = fitted.length;
    this.lastText = text;
    this.lastDraw = this.clock();
  }

  /** Prints a whole line above the progress line, then redraws the stage's status. */
  private permanent(text: string, keepStatus = false): void {
    if (this.options.quiet) return;
    const hadLine = this.shown > 0;
    this.clear();
    this.out.write(`${text}\n`);
    if (keepStatus && hadLine && this.stage !== null) this.draw(this.lastText);
  }
}
