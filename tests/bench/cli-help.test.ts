/** What the bench reads from the CLI's help (bench/cli-help.ts). */
import { describe, expect, it } from 'vitest';
import { helpHasOption, parseStageList } from '../../bench/cli-help.ts';

const STAGES = ['ingest', 'verify', 'outcomes', 'quality-of-life', 'cost-benefit', 'report'];

describe('parseStageList', () => {
  it('reads the chain from a one-line description', () => {
    const help = 'ips-rct run\n\nRun every stage in order: ingest → verify → outcomes → quality-of-life → cost-benefit → report\n\nOptions:\n  --data  Folder\n';
    expect(parseStageList(help)).toEqual(STAGES);
  });

  it('reads a chain that yargs wrapped over lines, whatever the wording', () => {
    const help = [
      'ips-rct run',
      '',
      'Run the stages in order, each only when its inputs changed since its outputs were written: ingest →',
      'verify → outcomes → quality-of-life → cost-benefit → report',
      '',
      'Options:',
      '  --only  Run only these stages: ingest, verify → nothing',
    ].join('\n');
    expect(parseStageList(help)).toEqual(STAGES);
  });

  it('is null when the help has no chain', () => {
    expect(parseStageList('ips-rct run\n\nRuns the pipeline.\n\nOptions:\n')).toBeNull();
    expect(parseStageList('')).toBeNull();
  });
});

describe('helpHasOption', () => {
  const help = '      --force    Rerun the selected stages [boolean]\n      --from     Run this stage [string]\n';
  it('finds an option only as a whole word', () => {
    expect(helpHasOption(help, '--force')).toBe(true);
    expect(helpHasOption(help, '--forc')).toBe(false);
    expect(helpHasOption(help, '--fo')).toBe(false);
    expect(helpHasOption('      --force-all  x', '--force')).toBe(false);
  });
});
