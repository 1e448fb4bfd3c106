/** Reading the R reference's output and the pipeline's matching estimates (bench/reference-output.ts). */
import { describe, expect, it } from 'vitest';
import { parseReferenceOutput, pipelineEstimates } from '../../bench/reference-output.ts';

describe('parseReferenceOutput', () => {
  it('reads TIMING, RESULT and VERSION lines in order and ignores the rest', () => {
    const out = parseReferenceOutput([
      'VERSION R 4.2.2',
      'VERSION data.table 1.14.8',
      'TIMING read 12',
      'some warning from R',
      'RESULT risk_difference 0.1037311072',
      'RESULT hazard_ratio NA',
      'TIMING bootstrap 1518',
      'TIMING total 4402',
      'TIMING broken',
    ].join('\n'));
    expect(out.versions).toEqual({ R: '4.2.2', 'data.table': '1.14.8' });
    expect(out.timings).toEqual({ read: 12, bootstrap: 1518, total: 4402 });
    expect(Object.keys(out.timings)).toEqual(['read', 'bootstrap', 'total']);
    expect(out.results).toEqual({ risk_difference: 0.1037311072 });
  });
});

describe('pipelineEstimates', () => {
  it('takes the primary timepoint, the Cox hazard ratio and the first ANCOVA difference', () => {
    const results = {
      employment: [
        { month: 12, primary: false, risk_difference: { estimate: 0.09 }, adjusted_odds_ratio: { estimate: 1.5 } },
        { month: 18, primary: true, risk_difference: { estimate: 0.1037 }, adjusted_odds_ratio: { estimate: 1.763 } },
      ],
      time_to_first_job: { hazard_ratio: { hazard_ratio: 1.3238, coefficient: 0.28 } },
      quality_of_life: [
        { measure: 'qol', month: 0, difference: null },
        { measure: 'qol', month: 6, difference: { estimate: 0.3594 } },
        { measure: 'qol', month: 12, difference: { estimate: 0.5 } },
      ],
    };
    expect(pipelineEstimates(results)).toEqual({ risk_difference: 0.1037, adjusted_odds_ratio: 1.763, hazard_ratio: 1.3238, ancova_first: 0.3594 });
  });

  it('gives null for what results.json lacks', () => {
    expect(pipelineEstimates({ employment: [{ primary: true, adjusted_odds_ratio: { estimate: null } }] })).toEqual({
      risk_difference: null, adjusted_odds_ratio: null, hazard_ratio: null, ancova_first: null,
    });
    expect(pipelineEstimates(null)).toEqual({ risk_difference: null, adjusted_odds_ratio: null, hazard_ratio: null, ancova_first: null });
  });
});
