/**
 * Visual constants shared by every chart, so the arms keep their colours across the report.
 */
import type { AnalysisPlan } from '../../io/plan.ts';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = { blue: '#0072B2', orange: '#E69F00', vermillion: '#D55E00' } as const;

/** Pale tints of the arm colours, for filled areas behind dark text (contrast stays high). */
export const ARM_TINT = { blue: '#DCEBF5', orange: '#FBEFD2' } as const;

/**
 * Colours for cost–benefit scenarios, in the plan's order: black for the trial period, then
 * Okabe–Ito colours other than the arms' blue and orange, so a scenario is never read as an
 * arm. Cycled when a plan has more scenarios than colours.
 */
export const SCENARIO_COLORS = ['#000000', '#009E73', '#56B4E9', '#CC79A7', '#D55E00'] as const;

/** The two ends of a tornado bar: a parameter at its low value, and at its high value (Okabe–Ito, not the arms' colours). */
export const SENSITIVITY_COLORS = { low: '#009E73', high: '#CC79A7' } as const;

/**
 * Same font stack as the report page. System fonts only: nothing is fetched, and SVG text
 * widths come from Vega's estimate, which does not depend on the font installed.
 */
export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Colours for `plan.arms`, in plan order: the intervention arm blue, the control arm orange,
 * tied to the arm's role so swapping the order of arms in the plan does not swap colours.
 */
export function armColors(plan: AnalysisPlan): string[] {
  return plan.arms.map((arm) => (arm === plan.control_arm ? OKABE_ITO.orange : OKABE_ITO.blue));
}

/** Pale fill colours for `plan.arms`, in plan order, matching `armColors`. */
export function armTints(plan: AnalysisPlan): string[] {
  return plan.arms.map((arm) => (arm === plan.control_arm ? ARM_TINT.orange : ARM_TINT.blue));
}
