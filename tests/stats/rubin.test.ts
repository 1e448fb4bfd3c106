/**
 * Rubin's rules against R's mice 3.15 (`pool`, `pool.scalar`, `summary.mipo`). The
 * per-imputation inputs were printed with sprintf("%.17g") and are copied literally, so
 * the pooling is compared on identical inputs.
 */
import { describe, expect, it } from 'vitest';
import { poolRubin, type PooledEstimate } from '../../src/stats/rubin.ts';

/** Agreement to `digits` significant digits. */
const close = (actual: number, expected: number, digits = 10) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)).toBeLessThan(10 ** -digits);

interface Expected {
  estimate: number; se: number; df: number; ci: [number, number]; p: number;
  riv: number; lambda: number; fmi: number; ubar: number; b: number; t: number;
}

function expectPooled(r: PooledEstimate, e: Expected, digits = 10) {
  close(r.estimate, e.estimate, digits);
  close(r.se, e.se, digits);
  close(r.df, e.df, digits);
  close(r.ci[0], e.ci[0], digits);
  close(r.ci[1], e.ci[1], digits);
  close(r.p, e.p, digits);
  close(r.ubar, e.ubar, digits);
  close(r.t, e.t, digits);
  close(r.fmi, e.fmi, digits);
  if (e.b === 0) {
    expect(r.b).toBe(0);
    expect(r.riv).toBe(0);
    expect(r.lambda).toBe(0);
  } else {
    close(r.b, e.b, digits);
    close(r.riv, e.riv, digits);
    close(r.lambda, e.lambda, digits);
  }
}

/*
 * R 4.x, mice 3.15.0:
 *   library(mice)
 *   imp <- mice(nhanes, m = 5, seed = 1, printFlag = FALSE)
 *   fit <- with(imp, lm(chl ~ bmi + age))        # dfcom = df.residual = 25 − 3 = 22
 *   sapply(fit$analyses, function(a) sprintf("%.17g", coef(a)["bmi"]))
 *   sapply(fit$analyses, function(a) sprintf("%.17g", vcov(a)["bmi", "bmi"]))   # likewise "age"
 *   p <- pool(fit); s <- summary(p, conf.int = TRUE)
 *   sprintf("%.17g", unlist(s[2, c("estimate","std.error","df","2.5 %","97.5 %","p.value")]))
 *   sprintf("%.17g", unlist(p$pooled[2, c("riv","lambda","fmi","ubar","b","t")]))
 */
const bmi = {
  Q: [5.077749034892328, 8.9135391540354778, 5.3425631790393098, 5.9575518715302289, 4.3950799407097003],
  U: [2.893148926409824, 2.7969888008136978, 2.406356320349786, 3.166127362490061, 4.0728161628794997],
};
const age = {
  Q: [23.980719333211354, 35.52863805588035, 41.840689999645626, 31.447371457812206, 21.571214250918704],
  U: [58.288145631295016, 74.136687889857711, 81.919925336050824, 76.795107465753517, 79.501174745003865],
};

/*
 * R: imp <- mice(nhanes, m = 10, seed = 123, printFlag = FALSE)
 *    Q <- sapply(1:10, function(i) mean(complete(imp, i)$chl))
 *    U <- sapply(1:10, function(i) var(complete(imp, i)$chl) / 25)
 * and for each pool.scalar(...) call r below: se <- sqrt(r$t),
 *    ci <- r$qbar + qt(c(.025, .975), r$df) * se,
 *    p <- 2 * pt(abs(r$qbar / se), pmax(r$df, 0.001), lower.tail = FALSE)   # as summary.mipo
 *    lambda <- (1 + 1/r$m) * r$b / r$t                                       # as pool()
 */
const chl = {
  Q: [189.72, 188.59999999999999, 192.68000000000001, 192.56, 190.91999999999999, 200.88, 182.63999999999999, 184.56, 189.84, 190],
  U: [65.368400000000008, 83.796666666666667, 63.315733333333334, 82.953600000000009, 48.6464, 67.434399999999997, 89.466266666666669, 69.563599999999994, 57.655600000000007, 68.096666666666664],
};

describe('poolRubin', () => {
  it('equals mice pool(with(imp, lm(chl ~ bmi + age))) for bmi', () => {
    const r = poolRubin(bmi.Q, bmi.U, 22, 0.95);
    expect(r.m).toBe(5);
    expectPooled(r, {
      estimate: 5.9372966360414088, se: 2.6011353568002353, df: 5.4434590289088831,
      ci: [-0.58857024806480585, 12.463163520147624], p: 0.067027246044957189,
      riv: 1.2059706846362619, lambda: 0.54668481908458, fmi: 0.6540614710854602,
      ubar: 3.0670875145885739, b: 3.0823480248397614, t: 6.765905144396287,
    });
    // summary(p, conf.int = TRUE, conf.level = 0.9)[2, c("5 %", "95 %")]
    const r90 = poolRubin(bmi.Q, bmi.U, 22, 0.9);
    close(r90.ci[0], 0.7887489916244208);
    close(r90.ci[1], 11.085844280458396);
  });

  it('equals mice pool(with(imp, lm(chl ~ bmi + age))) for age', () => {
    expectPooled(poolRubin(age.Q, age.U, 22, 0.95), {
      estimate: 30.873726619493649, se: 12.530952093008723, df: 5.7361368245758388,
      ci: [-0.13357586274999989, 61.881029101737298], p: 0.050710742162565249,
      riv: 1.1182861982152639, lambda: 0.52792025891376826, fmi: 0.63599543002560621,
      ubar: 74.128208213592188, b: 69.080460119739584, t: 157.02476035727969,
    });
  });

  it('equals mice pool.scalar(Q, U, n = 25, k = 1) for a mean', () => {
    expectPooled(poolRubin(chl.Q, chl.U, 24, 0.95), {
      estimate: 190.24000000000001, se: 9.8132359596618297, df: 14.132626574009302,
      ci: [169.21121737481016, 211.26878262518986], p: 1.3966892078127898e-11,
      riv: 0.38302411038962308, lambda: 0.27694680628649215, fmi: 0.36135338464621675,
      ubar: 69.629733333333334, b: 24.245333333333349, t: 96.299600000000027,
    });
  });

  it('equals mice pool.scalar(Q, U) with an infinite complete-data df (Rubin 1987 df)', () => {
    expectPooled(poolRubin(chl.Q, chl.U, Infinity, 0.95), {
      estimate: 190.24000000000001, se: 9.8132359596618297, df: 117.34100049719515,
      ci: [170.80599051222117, 209.67400948777885], p: 2.1920734368684365e-38,
      riv: 0.38302411038962308, lambda: 0.27694680628649215, fmi: 0.28896354523209133,
      ubar: 69.629733333333334, b: 24.245333333333349, t: 96.299600000000027,
    });
  });

  it("follows mice's λ floor of 1e-4 in df when b is 0 or tiny", () => {
    // pool.scalar(c(2, 2, 2), c(0.5, 0.6, 0.7), n = 30, k = 2)
    expectPooled(poolRubin([2, 2, 2], [0.5, 0.6, 0.7], 28, 0.95), {
      estimate: 2, se: 0.7745966692414834, df: 26.190925602434696,
      ci: [0.40835845384602409, 3.5916415461539759], p: 0.015762570199073119,
      riv: 0, lambda: 0, fmi: 0.068514442715485124, ubar: 0.59999999999999998, b: 0, t: 0.59999999999999998,
    });
    // pool.scalar(c(2, 2, 2), c(0.5, 0.6, 0.7))   # n = Inf: df = (m − 1)/1e-8
    expectPooled(poolRubin([2, 2, 2], [0.5, 0.6, 0.7], Infinity, 0.95), {
      estimate: 2, se: 0.7745966692414834, df: 200000000,
      ci: [0.48181841655424118, 3.5181815834457586], p: 0.0098232752118274803,
      riv: 0, lambda: 0, fmi: 9.9999998500000026e-09, ubar: 0.59999999999999998, b: 0, t: 0.59999999999999998,
    });
    // pool.scalar(c(1, 1.001, 0.999), c(1, 1, 1), n = 100, k = 3)   # λ = 1.3e-6 < 1e-4
    // b is 1e-6 from estimates of size 1, so b carries ~1e-10 relative rounding.
    expectPooled(poolRubin([1, 1.001, 0.999], [1, 1, 1], 97, 0.95), {
      estimate: 1, se: 1.0000006666664445, df: 95.050448827039432,
      ci: [-0.98523873660256811, 2.9852387366025681], p: 0.31984982979989734,
      riv: 1.3333333333331875e-06, lambda: 1.3333315555577801e-06, fmi: 0.020398969010560715,
      ubar: 1, b: 9.9999999999989069e-07, t: 1.0000013333333333,
    }, 9);
  });

  it('equals mice when b dwarfs ū, and never gives NaN as df approaches 0', () => {
    // pool.scalar(c(0, 1), c(1e-3, 1e-3), n = 12, k = 2)   # λ = 0.9987, df = 0.011
    expectPooled(poolRubin([0, 1], [1e-3, 1e-3], 10, 0.95), {
      estimate: 0.5, se: 0.86660256173173178, df: 0.011141827382196533,
      ci: [-2.7048015859748016e+115, 2.7048015859748016e+115], p: 0.97366317643959199,
      riv: 750, lambda: 0.99866844207723038, fmi: 0.99955286267187726, ubar: 0.001, b: 0.5, t: 0.751,
    });
    // λ rounds to 1: df is tiny but positive, and the interval is unbounded (R: qt(0.975, 1e-31) is Inf).
    const r = poolRubin([0, 1e6], [1e-20, 1e-20], 10, 0.95);
    expect(r.df).toBeGreaterThan(0);
    expect(r.ci).toEqual([-Infinity, Infinity]);
    for (const v of [r.se, r.df, r.p, r.fmi, r.riv, r.lambda]) expect(Number.isFinite(v)).toBe(true);
  });

  it('rejects what cannot be pooled', () => {
    expect(() => poolRubin([1], [1], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, -1], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, NaN], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, Infinity], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, NaN], [1, 1], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [0, 0], 10, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, 1], 0, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, 1], NaN, 0.95)).toThrow(RangeError);
    expect(() => poolRubin([1, 2], [1, 1], 10, 1)).toThrow(RangeError);
  });
});
