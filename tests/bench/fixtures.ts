/** A measured size for the bench's formatter and target tests, with the parts a test changes. */
import type { SizeResult } from '../../bench/summary.ts';

export function sizeResult(over: Partial<SizeResult> = {}): SizeResult {
  return {
    participants: 410,
    resamples: 10_000,
    overridden: false,
    reps: 5,
    data: { registryRows: 7_752, registryMonths: { first: 0, last: 18 }, questionnaireRows: 959, csvBytes: 150_000, simulateMs: 2_000 },
    stages: [
      { name: 'ingest', wallMs: 300, peakMiB: 150, inRunMs: 100 },
      { name: 'report', wallMs: 700, peakMiB: 190, inRunMs: 400 },
    ],
    run: { wallMs: 1_000, peakMiB: 200 },
    reference: { ran: true, run: { wallMs: 2_400, peakMiB: 250 }, steps: { read: 10, bootstrap: 900, total: 1_900 } },
    agreement: [{ name: 'risk_difference', pipeline: 0.1037311, reference: 0.1037311 }],
    ...over,
  };
}
