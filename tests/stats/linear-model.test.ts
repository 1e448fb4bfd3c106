/** Least squares against R's lm, and its edge cases. */
import { describe, expect, it } from 'vitest';
import { addShiftedRow, crossProducts, shiftedSums } from '../../src/stats/cross-products.ts';
import { fitLinear, fitLinearColumns, fitLinearCrossProducts, linearContrast } from '../../src/stats/linear-model.ts';

const close = (actual: number, expected: number, digits = 10) =>
  expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)).toBeLessThan(10 ** -digits);

// R 4.2: set.seed(42); n <- 40
//   d <- data.frame(arm = rep(c("TVR","IPS"), length.out = n), site = sample(c("A","B","C"), n, TRUE),
//     base = round(rnorm(n, 50, 10), 1), age = sample(20:60, n, TRUE))
//   d$y <- round(10 + 0.6*d$base + 3*(d$arm=="IPS") + 2*(d$site=="B") - 0.1*d$age + rnorm(n, 0, 5), 1)
//   d$arm <- factor(d$arm, levels = c("TVR","IPS")); the columns below are dput() of d.
const ips = Array.from({ length: 40 }, (_, i) => i % 2 === 1);
const site = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'A', 'C', 'C', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'A', 'A', 'C', 'A', 'C', 'A', 'A', 'B', 'C', 'B', 'A', 'B', 'B', 'C', 'C', 'B', 'B', 'B', 'B', 'A', 'A', 'B', 'B'];
const base = [54.6, 43.6, 54.6, 57, 60.4, 43.9, 55, 32.8, 42.2, 41.5, 25.9, 50.4, 52.1, 46.4, 57.6, 42.7, 36.3, 54.3, 41.9, 64.4, 45.7, 56.6, 53.2, 42.2, 65.8, 56.4, 50.9, 52.8, 56.8, 50.9, 20.1, 52.8, 46.3, 51.9, 55.8, 64, 42.7, 63, 53.4, 60.4];
const age = [27, 48, 57, 20, 32, 33, 24, 28, 35, 45, 52, 48, 44, 51, 36, 33, 25, 56, 35, 50, 53, 49, 51, 25, 41, 57, 50, 25, 39, 34, 53, 42, 31, 45, 60, 20, 21, 43, 53, 44];
const y = [39.3, 33.6, 36.9, 42, 47, 30.3, 47.5, 28, 38, 28.7, 29.2, 43, 34.4, 34.3, 38, 24.8, 33.6, 45.6, 30.6, 47.4, 28.1, 41.8, 31.6, 43.6, 43, 41.5, 41.7, 42.7, 43.7, 36.3, 24.8, 35, 32.6, 47.7, 43.4, 45.9, 31.4, 45.3, 37.1, 38.6];
// model.matrix(~ arm + base + site + age, d)
const X = y.map((_, i) => [1, ips[i] ? 1 : 0, base[i]!, site[i] === 'B' ? 1 : 0, site[i] === 'C' ? 1 : 0, age[i]!]);

describe('fitLinear', () => {
  it("equals R's lm(y ~ arm + base + site + age)", () => {
    const fit = fitLinear(X, y);
    // m <- lm(y ~ arm + base + site + age, data = d); sprintf("%.15g", coef(m)); sprintf("%.15g", sqrt(diag(vcov(m))))
    const coef = [14.0613346299827, 0.949555817775817, 0.489217993860846, 0.192881709213774, -0.810753897886358, -0.0293048662212124];
    const se = [4.69924018446433, 1.57893701768369, 0.0840468502308765, 1.81723016902173, 2.01758927131599, 0.0648222760178283];
    coef.forEach((c, j) => close(fit.coefficients[j]!, c));
    se.forEach((s, j) => close(Math.sqrt(fit.vcov[j]![j]!), s));
    // sprintf("%.15g", c(summary(m)$sigma^2, confint(m)["armIPS",], summary(m)$coefficients["armIPS", 4]))
    close(fit.residualVariance, 21.9877682251259);
    expect(fit.dfResidual).toBe(34);
    const arm = linearContrast(fit, [0, 1, 0, 0, 0, 0], 0.95);
    close(arm.ci![0], -2.25923026697036);
    close(arm.ci![1], 4.15834190252199);
    close(arm.p!, 0.551569721472528);
  });

  it('does not depend on the order of the rows', () => {
    const order = X.map((_, i) => (i * 17) % 40);
    const a = fitLinear(X, y);
    const b = fitLinear(order.map((i) => X[i]!), order.map((i) => y[i]!));
    a.coefficients.forEach((c, j) => close(b.coefficients[j]!, c, 12));
  });

  it('gives a perfect fit without NaN: SE 0, no interval, no p', () => {
    const fit = fitLinear([[1, 0], [1, 1], [1, 2], [1, 3]], [2, 4, 6, 8]);
    close(fit.coefficients[1]!, 2, 12);
    expect(fit.residualVariance).toBeLessThan(1e-25);
    const c = linearContrast(fit, [0, 1], 0.95);
    expect(c.ci === null || Number.isFinite(c.ci[0])).toBe(true);
    const constant = linearContrast(fitLinear([[1, 0], [1, 1], [1, 0], [1, 1]], [5, 5, 5, 5]), [0, 1], 0.95);
    expect(constant).toMatchObject({ estimate: 0, se: 0, ci: null, p: null, statistic: null });
  });

  it('refuses what it cannot fit', () => {
    expect(() => fitLinear([[1, 2], [1, 2], [1, 2]], [1, 2, 3])).toThrow(RangeError); // aliased column
    expect(() => fitLinear([[1, 0], [1, 1]], [1, 2])).toThrow(RangeError); // n <= p
    expect(() => fitLinear([[1, 0], [1, 1], [1, 2]], [1, 2])).toThrow(RangeError);
    expect(() => fitLinear([[1, 0], [1, NaN], [1, 2]], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('fitLinearCrossProducts', () => {
  /** Cross-products of the columns of X after the intercept, and y (column 5). */
  const cpOf = (rows: number[][], ys: number[]) => {
    const s = shiftedSums(rows[0]!.slice(1).map(() => 0).concat(0));
    rows.forEach((r, i) => addShiftedRow(s, [...r.slice(1), ys[i]!]));
    return crossProducts(s);
  };

  it("equals R's lm(y ~ arm + base + site + age), as fitLinear does", () => {
    const fit = fitLinearCrossProducts(cpOf(X, y), [0, 1, 2, 3, 4], 5)!;
    const coef = [14.0613346299827, 0.949555817775817, 0.489217993860846, 0.192881709213774, -0.810753897886358, -0.0293048662212124];
    const se = [4.69924018446433, 1.57893701768369, 0.0840468502308765, 1.81723016902173, 2.01758927131599, 0.0648222760178283];
    coef.forEach((c, j) => close(fit.coefficients[j]!, c));
    se.forEach((s, j) => close(Math.sqrt(fit.vcov[j]![j]!), s));
    close(fit.residualVariance, 21.9877682251259);
    expect(fit.dfResidual).toBe(34);
    const qr = fitLinear(X, y);
    qr.vcov.forEach((row, i) => row.forEach((v, j) => close(fit.vcov[i]![j]!, v, 11)));
  });

  it('declines (null) a perfect fit, a constant y and ill-conditioned columns, for the QR to take', () => {
    expect(fitLinearCrossProducts(cpOf(X, X.map((r) => 1 + r[2]! - r[5]!)), [0, 1, 2, 3, 4], 5)).toBeNull();
    expect(fitLinearCrossProducts(cpOf(X, X.map(() => 3)), [0, 1, 2, 3, 4], 5)).toBeNull();
    const near = X.map((r) => [...r, r[2]! + 1e-4 * r[5]!]);
    const s = shiftedSums([0, 0, 0, 0, 0, 0, 0]);
    near.forEach((r, i) => addShiftedRow(s, [...r.slice(1), y[i]!]));
    expect(fitLinearCrossProducts(crossProducts(s), [0, 1, 2, 3, 4, 5], 6)).toBeNull();
  });

  it('fitLinearColumns (column-major) is fitLinear', () => {
    const n = X.length;
    const cols = new Float64Array(n * 6);
    X.forEach((r, i) => r.forEach((v, j) => {
      cols[j * n + i] = v;
    }));
    expect(fitLinearColumns(cols, n, 6, Float64Array.from(y))).toEqual(fitLinear(X, y));
  });
});
