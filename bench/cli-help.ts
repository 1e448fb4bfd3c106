/**
 * What the bench learns from the CLI's own `--help` text, so it keeps working while the
 * runner changes: the stage list of `run`, and whether a command takes an option
 * (`--force` on the incremental runner). Pure.
 */

/** The stages as of this bench's writing, used when the help text cannot be read. */
export const FALLBACK_STAGES = ['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'report'] as const;

/**
 * The stages named in `ips-rct run --help`: the longest chain "a → b → …" in the text
 * before the options (the command's description, however it is worded or wrapped), or null
 * when there is none.
 */
export function parseStageList(help: string): string[] | null {
  const description = help.split(/^Options:/m)[0]!.replace(/\s+/g, ' ');
  const chains = description.match(/[a-z][a-z-]*(?: ?→ ?[a-z][a-z-]*)+/g) ?? [];
  const longest = chains.reduce<string | null>((best, c) => (best === null || c.length > best.length ? c : best), null);
  return longest === null ? null : longest.split('→').map((s) => s.trim());
}

/** True when the help text documents the option (e.g. `--force`) as an option of its own. */
export function helpHasOption(help: string, option: string): boolean {
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|\\s)${escaped}(?![\\w-])`, 'm').test(help);
}
