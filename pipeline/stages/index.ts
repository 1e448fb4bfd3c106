/** The stages in data-flow order. `ips-rct run` runs them all; each is also a subcommand. */
import type { Stage } from '../stage.ts';
import { ingestStage } from './ingest.ts';
import { reportStage } from './report.ts';
import { outcomesStage } from './outcomes.ts';
import { qualityOfLifeStage } from './quality-of-life.ts';
import { costBenefitStage } from './cost-benefit.ts';
import { fidelityStage } from './fidelity.ts';
import { metaAnalysisStage } from './meta-analysis.ts';
import { verifyStage } from './verify.ts';

export const STAGES: readonly Stage[] = [ingestStage, verifyStage, outcomesStage, qualityOfLifeStage, costBenefitStage, metaAnalysisStage, fidelityStage, reportStage];
