/**
 * Upper tail of the chi-square distribution for any whole number of degrees of freedom,
 * for likelihood-ratio tests.
 */

/** log Γ(m/2) for a positive whole number m, exactly as a sum of logarithms (shared with the F tail). */
export function logGammaHalfInteger(m: number): number {
  // Γ(k) = (k − 1)!;  Γ(k + 1/2) = √π · (1/2)(3/2)…(k − 1/2)
  let s = 0;
  if (m % 2 === 0) {
    for (let j = 2; j < m / 2; j++) s += Math.log(j);
    return s;
  }
  s = 0.5 * Math.log(Math.PI);
  for (let j = 1; j < m; j += 2) s += Math.log(j / 2);
  return s;
}

/**
 * P(χ²_df ≥ x), as R's `pchisq(x, df, lower.tail = FALSE)`, for a whole number df ≥ 1:
 * the regularized upper incomplete gamma function Q(df/2, x/2). For x/2 < df/2 + 1 it is
 * 1 − P by the power series of P; otherwise the continued fraction for Q by the modified
 * Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.2), so small tail
 * probabilities keep their relative accuracy (about 1e-14). Γ(df/2) is computed exactly
 * from factorials.
 *
 * @example chiSquareUpperTail(3.841458820694124, 1) // 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`chiSquareUpperTail: df must be a whole number ≥ 1, got ${df}`);
  if (Number.isNaN(x) || x < 0) throw new RangeError(`chiSquareUpperTail: x must be ≥ 0, got ${x}`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const y = x / 2;
  const logPrefix = -y + a * Math.log(y) - logGammaHalfInteger(df); // log(e^−y y^a / Γ(a))
  if (y < a + 1) {
    // P(a, y) = e^−y y^a / Γ(a + 1) · Σ_n y^n / ((a + 1)…(a + n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= y / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - Math.exp(logPrefix) * sum);
  }
  // Q(a, y) = e^−y y^a / Γ(a) · 1/(y + 1 − a − 1·(1 − a)/(y + 3 − a − …))
  const tiny = 1e-300;
  let b = y + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}
