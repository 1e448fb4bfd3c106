/**
 * Random-intercept REML fit against R 4.2's lme4 1.1-31 and lmerTest 3.1-3.
 *
 * The data sets below are R data frames printed with dput and copied in literally (rows
 * shuffled, group ids scattered, so neither order nor labels are special). Each was made
 * by the R code in its comment; each expected number comes from the R call beside it,
 * printed with sprintf("%.15g", …). Columns of X follow R's model.matrix for
 * y ~ arm*wave + x: (Intercept), arm, wave, x, arm:wave.
 */
import { describe, expect, it } from 'vitest';
import { fitRandomIntercept, type RandomInterceptFit } from '../../src/stats/mixed-model.ts';

interface Data {
  id: number[];
  arm: number[];
  wave: number[];
  x: number[];
  y: number[];
}

/** Agreement to `digits` significant digits. lme4 stops its optimizer (nloptwrap, bobyqa) a little short of the exact optimum, which this fit finds to rounding: about 1e-8 relative in the variance components and 1e-9 in estimates and SEs. */
const close = (actual: number, expected: number, digits: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThan(10 ** -digits);

const design = (d: Data): number[][] => d.y.map((_, i) => [1, d.arm[i]!, d.wave[i]!, d.x[i]!, d.arm[i]! * d.wave[i]!]);
const fit = (d: Data): RandomInterceptFit => fitRandomIntercept(design(d), d.y, d.id);
const unit = (j: number): number[] => [0, 1, 2, 3, 4].map((m) => (m === j ? 1 : 0));
/** Arm difference at wave = 1 ("wave 2"): arm + arm:wave. */
const armAtWave2 = [0, 1, 0, 0, 1];
const ses = (f: RandomInterceptFit): number[] => f.vcov.map((row, i) => Math.sqrt(row[i]!));

// d1: a typical unbalanced trial, 99 observations of 45 participants (9 seen once, 18 twice,
// 18 three times), arm per participant, wave and x per observation. dput(d) of:
//   set.seed(20261); G <- 45
//   size <- sample(1:3, G, replace = TRUE, prob = c(0.3, 0.45, 0.25)); ids <- sample(100:999, G)
//   arm <- rbinom(G, 1, 0.5); u <- rnorm(G, 0, 1.2); gi <- rep(seq_len(G), size); n <- length(gi)
//   wave <- rbinom(n, 1, 0.5); x <- round(rnorm(n, 50, 10), 1)
//   y <- round(10 + 1.5*arm[gi] + 0.8*wave + 0.6*arm[gi]*wave + 0.05*x + u[gi] + rnorm(n), 3)
//   d <- data.frame(id = ids[gi], arm = arm[gi], wave = wave, x = x, y = y)
//   d <- d[sample(n), ]; rownames(d) <- NULL
const d1: Data = {
  id: [
    493, 902, 111, 185, 694, 857, 549, 631, 796, 748, 171, 256, 788, 599, 515, 511, 440, 857, 151, 599, 643,
    884, 788, 962, 256, 796, 241, 886, 753, 971, 556, 694, 788, 182, 902, 412, 544, 440, 748, 685, 583, 209,
    631, 962, 884, 599, 442, 392, 493, 178, 694, 753, 256, 884, 902, 182, 643, 178, 111, 631, 442, 709, 549,
    431, 604, 586, 431, 412, 753, 178, 971, 643, 665, 241, 171, 424, 886, 281, 281, 556, 583, 515, 586, 185,
    209, 583, 488, 544, 544, 440, 468, 665, 111, 435, 209, 424, 185, 971, 431,
  ],
  arm: [
    0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1,
    0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0,
  ],
  wave: [
    1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0,
    0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1,
    1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1,
  ],
  x: [
    47.2, 33.2, 52, 19.8, 43.5, 40.8, 64.5, 62.4, 25.4, 54.9, 54.3, 53.3, 40.2, 48.4, 50, 51.9, 34, 54.1,
    30.9, 37.1, 46.6, 68.9, 44, 53, 60.9, 41.7, 54.7, 29.2, 65.1, 58, 47.4, 65.8, 56.5, 54.5, 61.2, 51.3,
    44.3, 44.1, 47.4, 58.2, 56, 45.5, 63.2, 51.3, 56.8, 60.4, 50.3, 54.8, 57.5, 69.7, 38.9, 61.1, 47.1, 51.4,
    33.5, 55.7, 41.8, 62.7, 45.9, 55.9, 36.2, 37.2, 48.7, 50.8, 60.9, 54, 48.9, 54.2, 55.3, 46.1, 61.4, 43.6,
    48.8, 58.7, 47.1, 39.6, 41.5, 57.8, 49.3, 50.1, 53.4, 50.6, 41.5, 51.9, 54.5, 56.7, 61.4, 60.5, 36, 50.5,
    34.9, 64.7, 61.2, 46.8, 61.9, 54.9, 39.5, 37.9, 53.7,
  ],
  y: [
    14.414, 13.475, 10.575, 9.28, 15.911, 10.731, 16.19, 15.287, 10.675, 15.773, 13.104, 15.156, 13.227,
    10.837, 16.594, 10.902, 12.42, 12.594, 12.335, 10.128, 15.193, 12.979, 16.638, 13.363, 15.471, 13.47,
    14.026, 14.397, 10.145, 11.849, 12.164, 17.084, 17.868, 16.727, 13.702, 12.844, 16.439, 14.178, 13.428,
    10.622, 11.451, 11.104, 18.003, 14.699, 12.814, 11.923, 12.637, 13.56, 13.021, 15.339, 16.515, 10.891,
    13.562, 10.672, 13.622, 16.858, 12.669, 13.601, 12.259, 15.794, 12.795, 10.798, 16.322, 13.088, 14.225,
    10.898, 13.298, 13.678, 10.453, 12.307, 14.577, 13.271, 13.046, 16.993, 14.223, 12.814, 14.304, 16.392,
    18.066, 12.027, 13.524, 13.944, 12.495, 12.564, 12.974, 12.641, 10.785, 17.799, 14.832, 14.081, 15.671,
    14.144, 12.708, 12.126, 13.045, 14.574, 12.26, 14.478, 15.723,
  ],
};

// d2: no participant effect at all (σ_u = 0 in the simulation), 63 observations of 32
// participants, where lmer's fit is singular (θ = 0). dput(d) of:
//   set.seed(1); G <- 32
//   size <- sample(1:3, G, replace = TRUE, prob = c(0.3, 0.4, 0.3)); ids <- sample(1:500, G)
//   arm <- rbinom(G, 1, 0.5); u <- rnorm(G, 0, 0); gi <- rep(seq_len(G), size); n <- length(gi)
//   wave <- rbinom(n, 1, 0.5); x <- round(rnorm(n, 0, 2), 2)
//   y <- round(5 + 1*arm[gi] + 0.5*wave + 0.3*x + u[gi] + rnorm(n, 0, 2), 2)
//   d <- data.frame(id = ids[gi], arm = arm[gi], wave = wave, x = x, y = y)
//   d <- d[sample(n), ]; rownames(d) <- NULL
const d2: Data = {
  id: [
    40, 160, 39, 42, 343, 20, 248, 70, 340, 463, 172, 378, 377, 404, 39, 390, 419, 330, 121, 412, 375, 25,
    280, 428, 412, 160, 42, 404, 340, 44, 198, 198, 111, 289, 428, 422, 20, 89, 422, 375, 248, 375, 25, 463,
    298, 326, 280, 160, 463, 378, 435, 390, 121, 280, 330, 42, 111, 377, 377, 330, 89, 435, 412,
  ],
  arm: [
    1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0,
    0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0,
  ],
  wave: [
    1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1,
    0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0,
  ],
  x: [
    -0.56, -3.83, -1.18, 1.12, -1.3, 0.77, -0.2, -0.41, 0.53, 0.67, 0.99, -1.36, 2.86, -1.82, 0.12, -3.07,
    -1.09, 2.32, -0.64, 3.53, -0.36, -0.35, -1.3, -3.05, -1.31, -3.33, -2.55, 0.32, 0.74, 3.36, -0.08, -0.15,
    0.08, -0.61, 2.36, -2.45, 1.82, -1.14, -0.95, 2.69, 1.43, -0.43, -1.01, 1.19, 0.61, 2.42, -1.06, 2.35,
    2.13, -0.65, 1.06, -0.6, -0.79, -0.11, 3.17, -1.15, -1.24, -0.92, -1.27, 1.4, -0.27, -3.04, 1.43,
  ],
  y: [
    3.87, 3.19, 2.23, 2.57, 7.69, 6.44, 3.91, 9.03, 5.52, 3.63, 7.76, 5.4, 6.29, 10.37, 7.2, 5.9, 2.81, 4.05,
    7.72, 5.77, 8.32, 6.83, 8.99, 8.76, 1.76, 9, 7.97, 6.09, 6.18, 8.42, 5.12, 3.1, 4.79, 6.22, 4.71, 3.79,
    11.66, 3.73, 7.33, 7.35, 4.57, 5.05, 3.26, 6.39, 4.65, 4.25, 7, 1.13, 3.86, 3.34, 4.72, 5.06, 6.82, 9.64,
    5.21, 5.51, 7.4, 4.06, 4.46, 7.92, 3.19, 8.47, 5.84,
  ],
};

// d3: 36 participants seen once each. dput(d) of:
//   set.seed(303); n <- 36
//   d <- data.frame(id = sample(1000:9999, n), arm = rep(0:1, length.out = n),
//                   wave = rbinom(n, 1, 0.5), x = round(rnorm(n, 0, 1), 2))
//   d$y <- round(3 + 0.7*d$arm + 0.4*d$wave - 0.5*d$x + rnorm(n, 0, 1.5), 2)
const d3: Data = {
  id: [
    4906, 6542, 8196, 2791, 3068, 2884, 9035, 7795, 3384, 7325, 6068, 6090, 8269, 4415, 8602, 8702, 4016,
    3005, 2842, 4974, 2581, 5960, 6221, 7535, 2130, 9994, 3102, 9860, 4845, 9255, 9738, 9112, 1970, 2215,
    7102, 7579,
  ],
  arm: [
    0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    1,
  ],
  wave: [
    1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1,
    0,
  ],
  x: [
    1.09, 1.91, -0.29, 1.02, 0.44, 0.59, 1.01, -0.6, 0.14, 0.26, -0.42, 1.82, -0.16, 1.01, 0.19, 1, 0.14,
    -1.3, 0.28, 0.24, 0.91, -0.47, 0.58, -0.79, 1.01, 0.58, 2.56, -2.13, -0.48, -1.34, 0.35, -0.8, 0.23,
    -0.82, -0.13, 0.25,
  ],
  y: [
    2.19, 3.16, 1.13, 1.17, 2.1, 4.56, 1.7, 4.01, 3.23, 3.89, 4.31, 4.44, 4.06, 2.3, 2.51, 3, 1.56, 4.73,
    3.6, 3.63, 2.37, 4.27, 4.81, 6.14, 1.93, 2.47, -0.48, 2.65, 5.33, 4.82, 2.5, 3.19, 1.49, 2.89, 4.17, 4.66,
  ],
};

// d4: the participant variance dominates (σ_u / σ ≈ 11.5), 78 observations of 30
// participants seen 2 or 3 times. dput(d) of:
//   set.seed(404); G <- 30; size <- sample(2:3, G, replace = TRUE)
//   gi <- rep(seq_len(G), size); n <- length(gi); arm <- rbinom(G, 1, 0.5)
//   d <- data.frame(id = (seq_len(G) * 7)[gi], arm = arm[gi], wave = rbinom(n, 1, 0.5), x = round(rnorm(n), 2))
//   d$y <- round(20 + 2*d$arm + 0.3*d$wave + 0.2*d$x + rnorm(G, 0, 5)[gi] + rnorm(n, 0, 0.5), 2)
//   d <- d[sample(n), ]; rownames(d) <- NULL
const d4: Data = {
  id: [
    112, 35, 98, 49, 168, 196, 133, 189, 133, 105, 63, 21, 182, 154, 77, 28, 7, 133, 35, 168, 77, 49, 154,
    112, 175, 91, 126, 147, 210, 91, 112, 84, 28, 119, 182, 168, 105, 84, 189, 161, 147, 105, 119, 63, 175,
    98, 56, 119, 21, 203, 77, 210, 126, 70, 7, 14, 196, 28, 70, 42, 203, 182, 161, 14, 210, 161, 140, 63,
    140, 49, 175, 189, 196, 56, 21, 42, 56, 154,
  ],
  arm: [
    0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
    0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 0,
  ],
  wave: [
    0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0,
    1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1,
    1, 0, 1, 1, 0, 0, 0, 0,
  ],
  x: [
    -1.46, -0.46, 0.35, 0.99, -0.69, -0.18, -1.11, 0.21, 0.97, 0.99, -0.49, 1.08, 0.27, 1.06, 0.03, 2.13,
    0.05, -0.79, -0.47, -0.96, -1.56, -0.17, 0.97, -0.97, -0.31, 0.17, -0.16, -1.53, -0.85, 2.09, -0.2, -0.4,
    -0.7, -0.6, 0.32, 1.56, 0.66, -0.58, 0.52, 1.46, 1.77, 0.05, -0.83, 1.3, -1.01, 0.41, -1.02, 0.86, -1.92,
    -1.16, 0.97, -0.59, 0.21, 0.38, 0.61, -0.15, 0, 1.07, 1.08, 0.32, -0.51, 0.96, 0.48, -2.18, -1.64, 0.63,
    0.78, -0.84, -1.24, 0, -0.5, 0.47, 0.46, 0.68, 0.61, -0.07, 1.22, -0.55,
  ],
  y: [
    10.61, 20.69, 6.16, 26.33, 22.41, 28.59, 23.01, 27.65, 23.19, 24.47, 24.97, 16.49, 20.51, 22.2, 33.16,
    22.07, 17.18, 22.4, 20.64, 22.49, 34.72, 25.8, 20.52, 10.87, 21.86, 22.93, 21.15, 22.38, 11.23, 23.6,
    10.61, 25.1, 22.01, 13.01, 20.89, 23.88, 23.11, 25.23, 28.47, 26.32, 23.3, 24.09, 13.69, 25.14, 23, 6.27,
    22.5, 13.51, 16.01, 21.73, 33.92, 11.58, 21.56, 22.92, 18.14, 21.89, 28.3, 22.18, 22.65, 18.76, 21.96,
    22.12, 26.07, 22.29, 11.37, 26.32, 13.35, 24.66, 14.44, 26.45, 22.26, 27.29, 29.19, 23.83, 16.13, 16.94,
    22.81, 20.35,
  ],
};

/** Checks a fit against R's numbers: coefficients, SEs, (σ²_u, σ²), REMLcrit; σ²_u = 0 must be exactly 0. */
function expectFit(f: RandomInterceptFit, expected: number[], variance: [number, number], crit: number): void {
  expected.slice(0, 5).forEach((v, j) => close(f.coefficients[j]!, v, 7));
  expected.slice(5, 10).forEach((v, j) => close(ses(f)[j]!, v, 7));
  if (variance[0] === 0) expect(f.groupVariance).toBe(0);
  else close(f.groupVariance, variance[0], 6);
  close(f.residualVariance, variance[1], 6);
  close(f.remlCriterion, crit, 9);
}

/** Checks a contrast against contest(m, L, joint = FALSE): estimate, SE, df, t, p. */
function expectContrast(f: RandomInterceptFit, L: number[], expected: [number, number, number, number, number]): void {
  const c = f.contrast(L);
  close(c.estimate, expected[0], 7);
  close(c.se, expected[1], 7);
  close(c.df, expected[2], 6);
  close(c.statistic, expected[3], 7);
  close(c.p, expected[4], 5);
}

describe('fitRandomIntercept', () => {
  // Every test below fits, in R,
  //   m <- lmerTest::lmer(y ~ arm*wave + x + (1|id), data = d, REML = TRUE)
  // and prints
  //   sprintf("%.15g", c(fixef(m), sqrt(diag(vcov(m))), as.data.frame(VarCorr(m))$vcov, REMLcrit(m)))
  //   sprintf("%.15g", summary(m)$coefficients[, "df"])
  //   sprintf("%.15g", unlist(contest(m, c(0, 1, 0, 0, 1), joint = FALSE)[c("Estimate", "Std. Error", "df", "t value", "Pr(>|t|)")]))
  // unless it says otherwise.

  it('equals lmer + lmerTest on a typical unbalanced trial', () => {
    const f = fit(d1);
    expect(f.nObservations).toBe(99);
    expect(f.nGroups).toBe(45);
    expect(f.converged).toBe(true);
    expectFit(
      f,
      [
        9.03663111919029, 2.07157283977988, 0.852655939457074, 0.0619797142286449, 0.542525559449196,
        0.750036199614991, 0.491725630848719, 0.320761799044246, 0.0130137262016308, 0.487326311878261,
      ],
      [1.41522875640287, 0.958505865644444],
      343.828839218288,
    );
    // Satterthwaite df of each coefficient, and the arm coefficient's p:
    // sprintf("%.15g", summary(m)$coefficients["arm", "Pr(>|t|)"]) 7.73681742404664e-05
    [87.7273723410731, 66.6991085616505, 72.645414646983, 77.0779745339503, 70.5547818324028].forEach((df, j) => close(f.contrast(unit(j)).df, df, 6));
    close(f.contrast(unit(1)).p, 7.73681742404664e-5, 5);
    expectContrast(f, armAtWave2, [2.61409839922908, 0.477744107690154, 61.3169706049007, 5.47175434955752, 8.72994285824398e-7]);
  });

  it('equals lmer + lmerTest when the group variance dominates', () => {
    const f = fit(d4);
    expect(f.converged).toBe(true);
    expectFit(
      f,
      [
        18.4063144372354, 3.85632405494882, 0.56702658707391, 0.118919678877777, -0.0534277401459166,
        1.66837852472471, 2.09605302081031, 0.237584062216022, 0.074750026477976, 0.294651197568683,
      ],
      [30.3239558444111, 0.229091270505973],
      277.103936432665,
    );
    [28.3671925551368, 28.347475323498, 45.2123210121811, 45.1910320005829, 45.2020971754262].forEach((df, j) => close(f.contrast(unit(j)).df, df, 6));
    // sprintf("%.15g", summary(m)$coefficients["arm", "Pr(>|t|)"]) 0.0762911230662753
    close(f.contrast(unit(1)).p, 0.0762911230662753, 5);
    expectContrast(f, armAtWave2, [3.80289631480291, 2.09351047238674, 28.2108396110373, 1.81651649942183, 0.0799315583374713]);
  });

  it("gives σ²_u = 0 and lm's fit, with df n − p, at a boundary (singular) fit", () => {
    // lmer: "boundary (singular) fit", getME(m, "theta") 0; every coefficient's df
    // 58.0000000009 (= n − p; lmerTest's numerical Hessian sees only σ when θ = 0).
    // l <- lm(y ~ arm*wave + x, data = d)
    // sprintf("%.15g", c(coef(l), sqrt(diag(vcov(l))), sigma(l)^2)) gives the same
    // coefficients and SEs to 14 digits, and σ² 4.33573205827449.
    const f = fit(d2);
    expect(f.converged).toBe(true);
    expect(f.groupVariance).toBe(0);
    expectFit(
      f,
      [
        4.40533551989854, 1.56667222351873, 1.97900049470211, -0.260054962254399, -1.18951918766816,
        0.466235149441064, 0.80297616552056, 0.705984933925775, 0.159886961132894, 1.09593016279354,
      ],
      [0, 4.33573205827449],
      265.698354925746,
    );
    for (let j = 0; j < 5; j++) close(f.contrast(unit(j)).df, 58, 10);
    expectContrast(f, armAtWave2, [0.377153035850574, 0.740170887960798, 58.0000000001541, 0.509548594770657, 0.612301127889148]);
  });

  it('puts all variance in the residual when every group has one observation', () => {
    // lmer refuses these data ("number of levels of each grouping factor must be < number
    // of observations"). With the checks off,
    //   ctrl <- lmerControl(check.nobs.vs.nlev = "ignore", check.nobs.vs.rankZ = "ignore", check.nobs.vs.nRE = "ignore")
    //   m <- lmerTest::lmer(y ~ arm*wave + x + (1|id), data = d, REML = TRUE, control = ctrl)
    // the criterion is flat in θ and lme4 stops at an arbitrary θ (2.5), splitting the
    // variance as 1.35900859057061 + 0.217441374491298; coefficients, SEs, REMLcrit
    // (114.018766709024) and df (31 = n − p) are lm's whatever the split. Here σ²_u = 0 and
    // σ² is their sum, lm's sigma(l)^2 = 1.57644996506191.
    // l <- lm(y ~ arm*wave + x, data = d); sprintf("%.15g", c(coef(l), sqrt(diag(vcov(l)))))
    const f = fit(d3);
    expect(f.nGroups).toBe(36);
    expect(f.groupVariance).toBe(0);
    expectFit(
      f,
      [
        2.81669165930633, 1.02316948662379, 0.211284360031483, -0.549262967489559, -0.57394905387168,
        0.421471400168225, 0.60333048730854, 0.602908180205241, 0.258918083738026, 0.859706824164653,
      ],
      [0, 1.57644996506191],
      114.018766709024,
    );
    for (let j = 0; j < 5; j++) {
      const c = f.contrast(unit(j));
      close(c.df, 31, 10);
      expect(Number.isFinite(c.p)).toBe(true);
    }
  });

  it('rejects unusable input with RangeError', () => {
    const X = design(d1);
    const y = d1.y;
    const g = d1.id;
    // Rank deficient: wave repeated as a sixth column.
    expect(() => fitRandomIntercept(X.map((r) => [...r, r[2]!]), y, g)).toThrow(RangeError);
    expect(() => fitRandomIntercept(X.map((r) => [...r, 2 * r[1]! - r[0]!]), y, g)).toThrow(/singular/);
    expect(() => fitRandomIntercept(X, y.slice(1), g)).toThrow(RangeError);
    expect(() => fitRandomIntercept(X, y, g.slice(1))).toThrow(RangeError);
    expect(() => fitRandomIntercept(X.map((r, i) => (i === 3 ? [1, 0, 1] : r)), y, g)).toThrow(RangeError);
    expect(() => fitRandomIntercept(X.map((r, i) => (i === 5 ? [1, 0, NaN, 3, 0] : r)), y, g)).toThrow(/X\[6\]\[3\]/);
    expect(() => fitRandomIntercept(X, y.map((v, i) => (i === 7 ? NaN : v)), g)).toThrow(/y\[8\]/);
    expect(() => fitRandomIntercept(X, y.map((v, i) => (i === 7 ? Infinity : v)), g)).toThrow(RangeError);
    expect(() => fitRandomIntercept(X, y, g.map((v, i) => (i === 0 ? 1.5 : v)))).toThrow(/integer/);
    expect(() => fitRandomIntercept(X.slice(0, 5), y.slice(0, 5), g.slice(0, 5))).toThrow(RangeError);
    expect(() => fitRandomIntercept(X, y, g.map(() => 1))).toThrow(/2 groups/);
    const f = fit(d1);
    expect(() => f.contrast([0, 1])).toThrow(RangeError);
    expect(() => f.contrast([0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => f.contrast([0, NaN, 0, 0, 0])).toThrow(RangeError);
  });

  it('keeps its digits when a covariate is far from 0', () => {
    // Shifting x by 10⁴ only moves the intercept, by −10⁴ β_x; solved naively, the normal
    // equations would lose about 8 digits to the collinearity of x with the intercept.
    const base = fit(d1);
    const shifted = fit({ ...d1, x: d1.x.map((v) => v + 1e4) });
    close(shifted.coefficients[0]!, base.coefficients[0]! - 1e4 * base.coefficients[3]!, 10);
    for (let j = 1; j < 5; j++) close(shifted.coefficients[j]!, base.coefficients[j]!, 10);
    for (let j = 1; j < 5; j++) close(ses(shifted)[j]!, ses(base)[j]!, 10);
    close(shifted.groupVariance, base.groupVariance, 10);
    close(shifted.contrast(armAtWave2).df, base.contrast(armAtWave2).df, 10);
  });

  it('does not depend on row order or on the group labels', () => {
    const base = fit(d1);
    const n = d1.y.length;
    // 37 is prime to 99, so i ↦ 37i mod 99 permutes the rows.
    const order = Array.from({ length: n }, (_, i) => (37 * i) % n);
    const permuted: Data = { id: [], arm: [], wave: [], x: [], y: [] };
    for (const i of order) for (const k of ['id', 'arm', 'wave', 'x', 'y'] as const) permuted[k].push(d1[k][i]!);
    const relabelled: Data = { ...d1, id: d1.id.map((v) => 17 - 3 * v) };
    const same = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));
    for (const other of [fit(permuted), fit(relabelled)]) {
      base.coefficients.forEach((v, j) => same(other.coefficients[j]!, v));
      base.vcov.forEach((row, i) => row.forEach((v, j) => same(other.vcov[i]![j]!, v)));
      same(other.groupVariance, base.groupVariance);
      same(other.residualVariance, base.residualVariance);
      same(other.remlCriterion, base.remlCriterion);
      same(other.contrast(armAtWave2).df, base.contrast(armAtWave2).df);
      same(other.contrast(armAtWave2).p, base.contrast(armAtWave2).p);
    }
  });
});
