/**
 * kaplanMeier and medianSurvival against R 4.2's survival package (3.5-3), the independent
 * reference. Curves: the columns of `survfit(...)` (time, n.risk, n.event, n.censor, surv,
 * std.err, lower, upper), printed with sprintf('%.17g', …), NA and Inf written as null.
 * Medians: `summary(fit)$table[c("median", "0.95LCL", "0.95UCL")]`, what print(fit) shows.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, type KaplanMeierResult } from '../../src/stats/kaplan-meier.ts';
import { AML, LUNG, MONTHLY, subset } from './survival-fixtures.ts';

interface RCurve {
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

/** Relative agreement with R's value (exact zero where R has zero). */
function expectClose(actual: number | null, expected: number | null, rel = 1e-12): void {
  if (expected === null) return void expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function expectCurve(km: KaplanMeierResult, r: RCurve): void {
  const s = km.steps;
  expect(s.map((x) => x.time)).toEqual(r.time);
  expect(s.map((x) => x.at_risk)).toEqual(r.n_risk);
  expect(s.map((x) => x.events)).toEqual(r.n_event);
  expect(s.map((x) => x.censored)).toEqual(r.n_censor);
  s.forEach((x, i) => {
    expectClose(x.survival, r.surv[i]!);
    expectClose(x.std_err, r.std_err[i]!);
    expectClose(x.ci?.[0] ?? null, r.lower[i]!);
    expectClose(x.ci?.[1] ?? null, r.upper[i]!);
  });
  expect(km.n).toBe(r.n_risk[0] ?? 0);
  expect(km.events).toBe(r.n_event.reduce((a, b) => a + b, 0));
}

describe('kaplanMeier', () => {
  it('matches survfit for aml, Maintained arm (censorings between and at event times)', () => {
    // fit <- survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Maintained")
    const km = kaplanMeier(subset(AML.time, AML.x, 0), subset(AML.status, AML.x, 0), 0.95);
    expectCurve(km, {
      time: [9, 13, 18, 23, 28, 31, 34, 45, 48, 161],
      n_risk: [11, 10, 8, 7, 6, 5, 4, 3, 2, 1],
      n_event: [1, 1, 1, 1, 0, 1, 1, 0, 1, 0],
      n_censor: [0, 1, 0, 0, 1, 0, 0, 1, 0, 1],
      surv: [0.90909090909090906, 0.81818181818181812, 0.71590909090909083, 0.61363636363636354, 0.61363636363636354, 0.49090909090909085, 0.36818181818181817, 0.36818181818181817, 0.18409090909090908, 0.18409090909090908],
      std_err: [0.095346258924559224, 0.14213381090374028, 0.19508757792120712, 0.2487341690815455, 0.2487341690815455, 0.33446776656157295, 0.44181672693778834, 0.44181672693778834, 0.83378775488850887, 0.83378775488850887],
      lower: [0.75413384508152548, 0.61924898739936352, 0.48842628742212846, 0.37686705950167976, 0.37686705950167976, 0.25485995119931731, 0.15487711789719105, 0.15487711789719105, 0.035917898489185258, 0.035917898489185258],
      upper: [1, 1, 1, 0.99915760022847266, 0.99915760022847266, 0.94558495520042918, 0.87526067814390762, 0.87526067814390762, 0.94352576947455202, 0.94352576947455202],
    });
    expect(km.confidence_level).toBe(0.95);
  });

  it('matches survfit for aml, Nonmaintained arm at conf.int = 0.9 (curve reaches 0)', () => {
    // fit <- survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Nonmaintained", conf.int = 0.9)
    const km = kaplanMeier(subset(AML.time, AML.x, 1), subset(AML.status, AML.x, 1), 0.9);
    expectCurve(km, {
      time: [5, 8, 12, 16, 23, 27, 30, 33, 43, 45],
      n_risk: [12, 10, 8, 7, 6, 5, 4, 3, 2, 1],
      n_event: [2, 2, 1, 0, 1, 1, 1, 1, 1, 1],
      n_censor: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
      surv: [0.83333333333333337, 0.66666666666666674, 0.58333333333333337, 0.58333333333333337, 0.48611111111111116, 0.38888888888888895, 0.29166666666666674, 0.19444444444444448, 0.097222222222222238, 0],
      std_err: [0.12909944487358055, 0.20412414523193151, 0.2439750182371333, 0.2439750182371333, 0.30472470011002201, 0.3779644730092272, 0.47559486560567088, 0.62678317052800869, 0.94491118252306805, null],
      lower: [0.673901550038014, 0.47653245416052464, 0.39051078393792443, 0.39051078393792443, 0.2944795889612925, 0.20884606215159304, 0.13339673501585944, 0.069350955057699129, 0.0205478995348332, null],
      upper: [1, 0.93266353752839903, 0.87136589250213481, 0.87136589250213481, 0.80244614976265716, 0.72414373698585466, 0.63771759057169319, 0.54517838930772244, 0.46000616646016174, null],
    });
  });

  it('matches survfit for monthly data with ties at every month and events at month 0 (arm 0)', () => {
    // fit <- survfit(Surv(time, status) ~ 1, subset = arm == 0)   (data: MONTHLY)
    const km = kaplanMeier(subset(MONTHLY.time, MONTHLY.arm, 0), subset(MONTHLY.status, MONTHLY.arm, 0), 0.95);
    expectCurve(km, {
      time: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 18],
      n_risk: [60, 55, 52, 48, 41, 35, 31, 26, 22, 17, 16, 11, 10, 8, 7, 6],
      n_event: [5, 3, 4, 2, 2, 3, 1, 0, 2, 1, 4, 1, 2, 0, 0, 0],
      n_censor: [0, 0, 0, 5, 4, 1, 4, 4, 3, 0, 1, 0, 0, 1, 1, 6],
      surv: [0.91666666666666663, 0.86666666666666659, 0.79999999999999993, 0.76666666666666661, 0.7292682926829267, 0.66675958188153295, 0.6452512082724513, 0.6452512082724513, 0.5865920075204103, 0.55208659531332738, 0.41406494648499553, 0.37642267862272322, 0.30113814289817858, 0.30113814289817858, 0.30113814289817858, 0.30113814289817858],
      std_err: [0.038924947208076148, 0.050636968354183333, 0.064549722436790274, 0.071221231161191972, 0.079518837433041972, 0.094877905411502345, 0.10038468883489299, 0.10038468883489299, 0.12092369618041302, 0.13527383666536602, 0.19781896830056883, 0.21959793557866283, 0.27059795511128781, 0.27059795511128781, 0.27059795511128781, 0.27059795511128781],
      lower: [0.84933391032015482, 0.78478343526765793, 0.70492865314601993, 0.66678060597859623, 0.62402325494383803, 0.55361652639479841, 0.53000653488727345, 0.53000653488727345, 0.46281316529542593, 0.42350827846166722, 0.28098598250377149, 0.24476745889979959, 0.1771872104298523, 0.1771872104298523, 0.1771872104298523, 0.1771872104298523],
      upper: [0.98933737081218931, 0.95709348255412308, 0.90789329834125698, 0.88151600767561233, 0.85226349899497844, 0.80302577476490178, 0.78555469484090645, 0.78555469484090645, 0.74347535698813416, 0.71970165455041957, 0.61017200352804424, 0.57889244599099765, 0.51179868393529071, 0.51179868393529071, 0.51179868393529071, 0.51179868393529071],
    });
  });

  it('matches survfit for monthly data, arm 1', () => {
    // fit <- survfit(Surv(time, status) ~ 1, subset = arm == 1)   (data: MONTHLY)
    const km = kaplanMeier(subset(MONTHLY.time, MONTHLY.arm, 1), subset(MONTHLY.status, MONTHLY.arm, 1), 0.95);
    expectCurve(km, {
      time: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18],
      n_risk: [60, 59, 54, 50, 42, 37, 31, 29, 22, 19, 18, 13, 11, 10, 9, 6, 4, 3],
      n_event: [1, 5, 4, 6, 4, 4, 1, 7, 2, 1, 2, 0, 0, 0, 2, 1, 0, 0],
      n_censor: [0, 0, 0, 2, 1, 2, 1, 0, 1, 0, 3, 2, 1, 1, 1, 1, 1, 3],
      surv: [0.98333333333333328, 0.89999999999999991, 0.83333333333333326, 0.73333333333333328, 0.66349206349206347, 0.5917631917631917, 0.57267405654502423, 0.43444238772381144, 0.39494762520346494, 0.37416090808749308, 0.33258747385554938, 0.33258747385554938, 0.33258747385554938, 0.33258747385554938, 0.25867914633209399, 0.21556595527674499, 0.21556595527674499, 0.21556595527674499],
      std_err: [0.016807316136320357, 0.043033148291193521, 0.057735026918962574, 0.077849894416152296, 0.092557396920864524, 0.10882497415928817, 0.11365801255509458, 0.15456367830712958, 0.16862794903954795, 0.17708574704213639, 0.19571358218048118, 0.19571358218048118, 0.19571358218048118, 0.19571358218048118, 0.26466929930754662, 0.32153253541326271, 0.32153253541326271, 0.32153253541326271],
      lower: [0.95146835328003776, 0.82720400264687477, 0.74417420116758604, 0.62955760688266882, 0.55341475400714413, 0.47809693794224511, 0.45831242717606302, 0.32089825128479621, 0.2837939523028376, 0.26443732165272077, 0.22662832310092657, 0.22662832310092657, 0.22662832310092657, 0.22662832310092657, 0.15398361213205858, 0.11478659748442928, 0.11478659748442928, 0.11478659748442928],
      upper: [1, 0.97920222509583388, 0.93317457573090112, 0.85421535995832032, 0.79546436940724119, 0.73245328998125214, 0.71557207615002738, 0.58816209653838269, 0.54963689461361709, 0.5294123547534314, 0.48808739460316602, 0.48808739460316602, 0.48808739460316602, 0.48808739460316602, 0.43455858594688429, 0.40482671403060855, 0.40482671403060855, 0.40482671403060855],
    });
  });

  it('puts an event at time 0 in a first step below 1, with censoring at 0 counted at risk', () => {
    // fit <- survfit(Surv(c(0, 0, 1, 2, 2, 3, 5, 5, 5, 6), c(1, 0, 1, 1, 1, 0, 1, 0, 0, 1)) ~ 1)
    const km = kaplanMeier([0, 0, 1, 2, 2, 3, 5, 5, 5, 6], [1, 0, 1, 1, 1, 0, 1, 0, 0, 1], 0.95);
    expectCurve(km, {
      time: [0, 1, 2, 3, 5, 6],
      n_risk: [10, 8, 7, 5, 4, 1],
      n_event: [1, 1, 2, 0, 1, 1],
      n_censor: [1, 0, 0, 1, 2, 0],
      surv: [0.90000000000000002, 0.78749999999999998, 0.5625, 0.5625, 0.421875, 0],
      std_err: [0.10540925533894598, 0.17020062857772872, 0.29344694769431684, 0.29344694769431684, 0.41163630117428229, null],
      lower: [0.73201164274399266, 0.56412523151367333, 0.31647545436399427, 0.31647545436399427, 0.18827746201456327, null],
      upper: [1, 1, 0.99978132786274598, 0.99978132786274598, 0.94529910123407834, null],
    });
  });

  it('gives survival 1 with interval [1, 1] when everyone is censored', () => {
    // fit <- survfit(Surv(c(1, 2, 2, 3), c(0, 0, 0, 0)) ~ 1)
    const km = kaplanMeier([1, 2, 2, 3], [0, 0, 0, 0], 0.95);
    expectCurve(km, {
      time: [1, 2, 3],
      n_risk: [4, 3, 1],
      n_event: [0, 0, 0],
      n_censor: [1, 2, 1],
      surv: [1, 1, 1],
      std_err: [0, 0, 0],
      lower: [1, 1, 1],
      upper: [1, 1, 1],
    });
  });

  it('gives no steps for no data, and does not depend on the input order', () => {
    expect(kaplanMeier([], [], 0.95)).toEqual({ n: 0, events: 0, confidence_level: 0.95, steps: [] });
    const t = subset(MONTHLY.time, MONTHLY.arm, 1);
    const e = subset(MONTHLY.status, MONTHLY.arm, 1);
    const rev = (a: number[]) => [...a].reverse();
    expect(kaplanMeier(rev(t), rev(e), 0.95)).toEqual(kaplanMeier(t, e, 0.95));
  });

  it('is JSON-safe: no NaN or Infinity anywhere', () => {
    const km = kaplanMeier(subset(AML.time, AML.x, 1), subset(AML.status, AML.x, 1), 0.95);
    expect(JSON.parse(JSON.stringify(km))).toEqual(km);
  });

  it('rejects bad input', () => {
    expect(() => kaplanMeier([1, 2], [1], 0.95)).toThrow(RangeError);
    expect(() => kaplanMeier([1, NaN], [1, 0], 0.95)).toThrow(RangeError);
    expect(() => kaplanMeier([1, 2], [1, 2], 0.95)).toThrow(RangeError);
    expect(() => kaplanMeier([1, 2], [1, 0], 1)).toThrow(RangeError);
  });
});

describe('medianSurvival', () => {
  const median = (time: number[], event: number[], level = 0.95) => medianSurvival(kaplanMeier(time, event, level));

  it('matches print(survfit) for aml', () => {
    // summary(survfit(Surv(time, status) ~ x, data = aml))$table[, 7:9]
    //   Maintained: median 31, 0.95LCL 18, 0.95UCL NA;  Nonmaintained: 23, 8, NA
    expect(median(subset(AML.time, AML.x, 0), subset(AML.status, AML.x, 0))).toEqual({ estimate: 31, ci: [18, null] });
    expect(median(subset(AML.time, AML.x, 1), subset(AML.status, AML.x, 1))).toEqual({ estimate: 23, ci: [8, null] });
    // summary(survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Nonmaintained", conf.int = 0.9))$table[7:9]
    expect(median(subset(AML.time, AML.x, 1), subset(AML.status, AML.x, 1), 0.9)).toEqual({ estimate: 23, ci: [8, 43] });
  });

  it('matches print(survfit) for lung', () => {
    // summary(survfit(Surv(time, status) ~ sex, data = lung))$table[, 7:9]
    //   sex=1: 270, 212, 310;  sex=2: 426, 348, 550
    expect(median(subset(LUNG.time, LUNG.female, 0), subset(LUNG.status, LUNG.female, 0))).toEqual({ estimate: 270, ci: [212, 310] });
    expect(median(subset(LUNG.time, LUNG.female, 1), subset(LUNG.status, LUNG.female, 1))).toEqual({ estimate: 426, ci: [348, 550] });
    // summary(survfit(Surv(time, status) ~ 1, data = lung, conf.int = 0.99))$table[7:9]   (310, 270, 387)
    expect(median(LUNG.time, LUNG.status, 0.99)).toEqual({ estimate: 310, ci: [270, 387] });
  });

  it('matches print(survfit) for the monthly data, with and without an upper limit', () => {
    // summary(survfit(Surv(time, status) ~ arm))$table[, 7:9]   arm=0: 10, 8, NA;  arm=1: 7, 5, 10
    expect(median(subset(MONTHLY.time, MONTHLY.arm, 0), subset(MONTHLY.status, MONTHLY.arm, 0))).toEqual({ estimate: 10, ci: [8, null] });
    expect(median(subset(MONTHLY.time, MONTHLY.arm, 1), subset(MONTHLY.status, MONTHLY.arm, 1))).toEqual({ estimate: 7, ci: [5, 10] });
  });

  it('takes the midpoint to the next drop when the curve is exactly 0.5, as R', () => {
    // summary(survfit(Surv(c(1, 2, 3, 4), c(1, 1, 1, 1)) ~ 1))$table[7:9]   (2.5, 1, NA): S(2) = 0.5
    expect(median([1, 2, 3, 4], [1, 1, 1, 1])).toEqual({ estimate: 2.5, ci: [1, null] });
    // summary(survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 1)) ~ 1))$table[7:9]   (3, 1, NA): S(2) = S(3) = 0.5, S(4) = 0
    expect(median([1, 2, 3, 4], [1, 1, 0, 1])).toEqual({ estimate: 3, ci: [1, null] });
  });

  it('skips the step where the curve reaches 0 (no interval there) and handles time 0', () => {
    // summary(survfit(Surv(c(1, 2, 2, 3, 4, 4), c(1, 1, 0, 1, 1, 1)) ~ 1))$table[7:9]   (3, 2, NA)
    expect(median([1, 2, 2, 3, 4, 4], [1, 1, 0, 1, 1, 1])).toEqual({ estimate: 3, ci: [2, null] });
    // summary(survfit(Surv(c(0, 0, 1, 2, 2, 3, 5, 5, 5, 6), c(1, 0, 1, 1, 1, 0, 1, 0, 0, 1)) ~ 1))$table[7:9]   (5, 2, NA)
    expect(median([0, 0, 1, 2, 2, 3, 5, 5, 5, 6], [1, 0, 1, 1, 1, 0, 1, 0, 0, 1])).toEqual({ estimate: 5, ci: [2, null] });
    // Half employed at month 0: S(0) = 0.5 exactly, and it falls later, so (0 + 1)/2.
    // summary(survfit(Surv(c(0, 0, 1, 2), c(1, 1, 1, 0)) ~ 1))$table[7:9]   (0.5, 0, NA)
    expect(median([0, 0, 1, 2], [1, 1, 1, 0])).toEqual({ estimate: 0.5, ci: [0, null] });
  });

  it('is not reached when everyone is censored, or with no data', () => {
    // summary(survfit(Surv(c(1, 2, 2, 3), c(0, 0, 0, 0)) ~ 1))$table[7:9]   (NA, NA, NA)
    expect(median([1, 2, 2, 3], [0, 0, 0, 0])).toEqual({ estimate: null, ci: [null, null] });
    expect(median([], [])).toEqual({ estimate: null, ci: [null, null] });
  });
});
