/** The provenance of the fixture report: fingerprints of made-up files, fixed versions and a fixed day. */
import { sha256 } from '../../src/io/hash.ts';
import type { ReportProvenance } from '../../src/report/provenance.ts';

export const PROVENANCE: ReportProvenance = {
  inputs: [
    { file: 'participants.csv', bytes: 45_678, sha256: sha256('participants.csv of the fixture') },
    { file: 'employment.csv', bytes: 1_234_567, sha256: sha256('employment.csv of the fixture') },
    { file: 'questionnaires.csv', bytes: 98_765, sha256: sha256('questionnaires.csv of the fixture') },
  ],
  plan: { file: 'analysis-plan.json', sha256: sha256('analysis-plan.json of the fixture') },
  node_version: 'v20.20.0',
  packages: { arquero: '8.0.3', 'pure-rand': '8.4.2', vega: '6.4.0', 'vega-lite': '6.4.3' },
  random_generator: { package: 'pure-rand', package_version: '8.4.2', generator: 'xoroshiro128plus', algorithm_version: 1 },
  run_date: '2026-11-23',
};
