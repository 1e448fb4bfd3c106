/**
 * Bayesian linear regression imputation against R's mice 3.15 (`mice:::.norm.draw`,
 * `mice.impute.norm`) given the same random variates, and against the posterior it is
 * meant to sample (Rubin 1987, p. 167; van Buuren 2018, FIMD 2nd ed., Algorithm 3.1):
 * σ² | y ~ SSE / χ²(ν), β | σ², y ~ N(β̂, σ² (XᵀX)⁻¹), ν = n_obs − p, so that
 * E σ² = SSE/(ν − 2), E σ⁴ = SSE²/((ν − 2)(ν − 4)), E β = β̂ and Cov β = E σ² (XᵀX)⁻¹.
 */
import { describe, expect, it } from 'vitest';
import {
  drawNormImputation, drawNormParameters, fitNormModel, normDrawFromScratch, normFitFromSums, normImputationsFromDraw, normModelFromSums,
  normParametersFromVariates, normScratch,
} from '../../src/stats/bayesian-regression-draw.ts';
import { addShiftedRow, shiftedSums } from '../../src/stats/cross-products.ts';
import { createRng } from '../../src/random/rng.ts';

const close = (actual: number, expected: number, digits = 10) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)).toBeLessThan(10 ** -digits);

/*
 * The data of every R call below:
 *   x1 <- c(2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 6.1, 2.8, 4.9, 3.7, 5.2, 1.5, 4.4, 2.6, 3.9)
 *   x2 <- c(0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1)
 *   y <- c(5.3, 8.1, 4.2, 11.9, 9.8, 7.0, 13.5, 6.1, NA, 8.4, 12.2, 3.9, NA, 5.8, NA)
 *   ry <- !is.na(y); x <- cbind(1, x1, x2)
 */
const x1 = [2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 6.1, 2.8, 4.9, 3.7, 5.2, 1.5, 4.4, 2.6, 3.9];
const x2 = [0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1];
const y = [5.3, 8.1, 4.2, 11.9, 9.8, 7.0, 13.5, 6.1, NaN, 8.4, 12.2, 3.9, NaN, 5.8, NaN];
const observed = y.map((_, i) => i).filter((i) => !Number.isNaN(y[i]));
const missing = y.map((_, i) => i).filter((i) => Number.isNaN(y[i]));
const xObs = observed.map((i) => [1, x1[i]!, x2[i]!]);
const yObs = observed.map((i) => y[i]!);
const xMis = missing.map((i) => [1, x1[i]!, x2[i]!]);

// R: fit <- lm.fit(x[ry, ], y[ry]); sprintf("%.17g", c(fit$coefficients, sum(fit$residuals^2)))
//    sprintf("%.17g", solve(crossprod(x[ry, ])))   # column-major
const COEF = [0.41623698959167749, 2.0951160928742989, 0.39537229783826838];
const SSE = 1.2516701361088882;
const V = [
  [0.59422204430210912, -0.14331465172137731, -0.0090205497731517693],
  [-0.14331465172137731, 0.048038430744595739, -0.05284227381905527],
  [-0.00902054977315166, -0.052842273819055298, 0.39145983453429412],
];
const NU = 9;

describe('fitNormModel and the draw from given variates', () => {
  it("equals mice:::.norm.draw and mice.impute.norm for R's own variates", () => {
    const fit = fitNormModel(xObs, yObs);
    expect(fit.ridge).toBe(false);
    expect(fit.df).toBe(NU);
    COEF.forEach((c, j) => close(fit.coef[j]!, c, 12));
    close(fit.sse, SSE, 11);
    const l = fit.covarianceFactor;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i]![k]! * l[j]![k]!;
        close(s, V[i]![j]!, 11);
      }
    }
    // R: set.seed(7); parm <- mice:::.norm.draw(y, ry, x)
    //    set.seed(7); g <- rchisq(1, sum(ry) - ncol(x)); z <- rnorm(ncol(x)); zy <- rnorm(sum(!ry))
    //    set.seed(7); imp <- mice.impute.norm(y, ry, cbind(x1, x2))      # same stream, same order
    //    sprintf("%.17g", c(g, z, zy, parm$beta, parm$sigma, imp))
    const g = 19.764738433892237;
    const z = [-1.1967716822223495, -0.69429251043545903, -0.41229295113680253];
    const zy = [-0.97067334111948322, -0.94727994522810754, 0.74813934029055118];
    const draw = normParametersFromVariates(fit, g, z);
    close(draw.sigma, 0.25165143403955514, 12);
    [0.18407821990296552, 2.1308273584547388, 0.43935262739178099].forEach((b, j) => close(draw.beta[j]!, b, 12));
    const imp = normImputationsFromDraw(draw, xMis, zy);
    [10.380860938054502, 9.7606868678420309, 9.1219278831137505].forEach((v, i) => close(imp[i]!, v, 12));
  });

  it("uses mice's ridge (ls.meth = \"ridge\") when X is collinear", () => {
    // R: x3 <- x1 + 2 * x2; xc <- cbind(1, x1, x2, x3)
    //    set.seed(11); pr <- mice:::.norm.draw(y, ry, xc, ls.meth = "ridge")
    //    set.seed(11); g <- rchisq(1, sum(ry) - ncol(xc)); z <- rnorm(ncol(xc))
    const xc = xObs.map((r) => [...r, r[1]! + 2 * r[2]!]);
    const fit = fitNormModel(xc, yObs);
    expect(fit.ridge).toBe(true);
    [0.41654313331357429, 1.3471662793162977, -1.100158790970454, 0.7478407154121669].forEach((c, j) => close(fit.coef[j]!, c, 10));
    const draw = normParametersFromVariates(fit, 4.9632229913130983, [-2.1959459459837256, 1.6938091381136118, -0.55345772930829296, -1.1590583625324684]);
    close(draw.sigma, 0.5021842580081366, 10);
    // β̇ moves far along the aliased direction (V is ~1e5 there), as mice's does; its
    // predictions do not, since that direction is orthogonal to every row of X.
    [-0.43348872945686534, 13.575675768586638, 22.729169607086302, -11.280947329776536].forEach((b, j) => close(draw.beta[j]!, b, 10));
  });
});

describe('drawNormImputation', () => {
  it('gives the same imputations for the same seed', () => {
    const a = drawNormImputation(xObs, yObs, xMis, createRng(123));
    expect(drawNormImputation(xObs, yObs, xMis, createRng(123))).toEqual(a);
    expect(drawNormImputation(xObs, yObs, xMis, createRng(124))).not.toEqual(a);
    expect(a).toHaveLength(3);
    expect(drawNormImputation(xObs, yObs, [], createRng(123))).toEqual([]);
  });

  const N = 20_000;
  const sigma2Mean = SSE / (NU - 2);
  const sigma4Mean = SSE ** 2 / ((NU - 2) * (NU - 4));

  it('samples σ² and β from their posterior (means and covariance within 4 Monte-Carlo SE)', () => {
    const betas: number[][] = [];
    let s2 = 0;
    for (let seed = 1; seed <= N; seed++) {
      const d = drawNormParameters(xObs, yObs, createRng(seed));
      betas.push(d.beta);
      s2 += d.sigma ** 2;
    }
    s2 /= N;
    expect(Math.abs(s2 - sigma2Mean)).toBeLessThan(4 * Math.sqrt((sigma4Mean - sigma2Mean ** 2) / N));

    const mean = [0, 1, 2].map((j) => betas.reduce((s, b) => s + b[j]!, 0) / N);
    for (let j = 0; j < 3; j++) expect(Math.abs(mean[j]! - COEF[j]!)).toBeLessThan(4 * Math.sqrt((sigma2Mean * V[j]![j]!) / N));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        const cov = betas.reduce((s, b) => s + (b[i]! - mean[i]!) * (b[j]! - mean[j]!), 0) / (N - 1);
        // β − β̂ = σ L z: E[(a·z)²(b·z)²] = V_ii V_jj + 2 V_ij² for Gaussian z, times E σ⁴.
        const varProduct = sigma4Mean * (V[i]![i]! * V[j]![j]! + 2 * V[i]![j]! ** 2) - (sigma2Mean * V[i]![j]!) ** 2;
        expect(Math.abs(cov - sigma2Mean * V[i]![j]!)).toBeLessThan(4 * Math.sqrt(varProduct / N));
      }
    }
  });

  it('gives each missing row its predictive mean x₀β̂ and variance E σ² (1 + x₀ᵀVx₀)', () => {
    const draws = Array.from({ length: N }, (_, k) => drawNormImputation(xObs, yObs, xMis, createRng(100_000 + k)));
    xMis.forEach((x0, r) => {
      const mean = x0.reduce((s, v, j) => s + v * COEF[j]!, 0);
      let q = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += x0[i]! * V[i]![j]! * x0[j]!;
      const s2 = 1 + q;
      const variance = sigma2Mean * s2;
      const values = draws.map((d) => d[r]!);
      const m = values.reduce((s, v) => s + v, 0) / N;
      const v = values.reduce((s, x) => s + (x - m) ** 2, 0) / (N - 1);
      expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
      // ỹ − x₀β̂ = σ w, w ~ N(0, s²) independent of σ: E(σw)⁴ = 3 E σ⁴ s⁴.
      expect(Math.abs(v - variance)).toBeLessThan(4 * Math.sqrt((3 * sigma4Mean * s2 ** 2 - variance ** 2) / N));
    });
  });

  it('handles a perfect fit (SSE = 0) without NaN', () => {
    const yExact = xObs.map((r) => 1 + 2 * r[1]! - r[2]!);
    const imp = drawNormImputation(xObs, yExact, xMis, createRng(5));
    xMis.forEach((r, i) => expect(imp[i]).toBeCloseTo(1 + 2 * r[1]! - r[2]!, 10));
    const d = drawNormParameters(xObs, yExact, createRng(5));
    expect(d.sigma).toBeLessThan(1e-12);
    expect(d.beta.every(Number.isFinite)).toBe(true);
  });

  it('rejects what cannot be fitted', () => {
    const rng = createRng(1);
    expect(() => drawNormImputation(xObs.slice(0, 3), yObs.slice(0, 3), xMis, rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs, yObs.slice(1), xMis, rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs, yObs.map((v, i) => (i === 2 ? NaN : v)), xMis, rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs.map((r, i) => (i === 4 ? [1, Infinity, 0] : r)), yObs, xMis, rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs.map((r, i) => (i === 4 ? [1, 2] : r)), yObs, xMis, rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs, yObs, [[1, 2]], rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs, yObs, [[1, NaN, 0]], rng)).toThrow(RangeError);
    expect(() => drawNormImputation(xObs.map((r) => [...r, 0]), yObs, [], rng)).toThrow(RangeError);
  });
});

describe('the norm fit from running sums of the columns', () => {
  /** Sums of [x1, x2, y] over the observed rows (the intercept implicit), shifted by round numbers near the means, as the imputation shifts by means. */
  const sumsOf = (xs: readonly (readonly number[])[], ys: readonly number[], shift = [4, 0.5, 8]) => {
    const s = shiftedSums(shift);
    xs.forEach((r, i) => addShiftedRow(s, [r[1]! - shift[0]!, r[2]! - shift[1]!, ys[i]! - shift[2]!]));
    return s;
  };

  it("equals mice's estimice (the QR fit) and draws as normParametersFromVariates", () => {
    const fit = normModelFromSums(sumsOf(xObs, yObs), [0, 1], 2, 1e8)!;
    expect(fit.ridge).toBe(false);
    expect(fit.df).toBe(NU);
    COEF.forEach((c, j) => close(fit.coef[j]!, c, 12));
    // Shifts far from the means (x1 by 30, 20 SDs away) cost digits to cancellation, but keep 10.
    const far = normModelFromSums(sumsOf(xObs, yObs, [30, -7, 100]), [0, 1], 2, 1e8)!;
    COEF.forEach((c, j) => close(far.coef[j]!, c, 10));
    close(fit.sse, SSE, 11);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += fit.covarianceFactor[i]![k]! * fit.covarianceFactor[j]![k]!;
        close(s, V[i]![j]!, 11);
      }
    }
    // The draw from given variates is mice's (the values of the test against R above).
    const draw = normParametersFromVariates(fit, 19.764738433892237, [-1.1967716822223495, -0.69429251043545903, -0.41229295113680253]);
    [0.18407821990296552, 2.1308273584547388, 0.43935262739178099].forEach((b, j) => close(draw.beta[j]!, b, 11));
    const scratch = normScratch(3);
    const sums = normFitFromSums(sumsOf(xObs, yObs), [0, 1], 2, 1e8, scratch)!;
    const beta = new Float64Array(3);
    const sigma = normDrawFromScratch(scratch, 3, sums.sse, 19.764738433892237, Float64Array.from([-1.1967716822223495, -0.69429251043545903, -0.41229295113680253]), beta);
    close(sigma, draw.sigma, 14);
    beta.forEach((b, j) => close(b, draw.beta[j]!, 14));
  });

  it('declines where fitNormModel would switch to the ridge or lose digits: collinear, constant, exact, ill-conditioned', () => {
    const collinear = shiftedSums([0, 0, 0, 0]);
    xObs.forEach((r, i) => addShiftedRow(collinear, [r[1]!, r[2]!, r[1]! + 2 * r[2]!, yObs[i]!]));
    expect(normModelFromSums(collinear, [0, 1, 2], 3, 1e8)).toBeNull();
    expect(normModelFromSums(sumsOf(xObs, yObs.map(() => 4)), [0, 1], 2, 1e8)).toBeNull();
    expect(normModelFromSums(sumsOf(xObs, xObs.map((r) => 1 + 2 * r[1]! - r[2]!)), [0, 1], 2, 1e8)).toBeNull();
    const near = shiftedSums([0, 0, 0]);
    xObs.forEach((r, i) => addShiftedRow(near, [r[1]!, r[1]! + 1e-5 * r[2]!, yObs[i]!]));
    expect(normModelFromSums(near, [0, 1], 2, 1e8)).toBeNull();
    expect(() => normModelFromSums(sumsOf(xObs.slice(0, 3), yObs.slice(0, 3)), [0, 1], 2, 1e8)).toThrow(RangeError);
  });
});
