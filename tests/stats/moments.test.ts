/** mean / sampleVariance / sampleSd against R 4.2's mean, var and sd (sprintf('%.17g', …)). */
import { describe, expect, it } from 'vitest';
import { mean, sampleSd, sampleVariance } from '../../src/stats/moments.ts';

describe('moments', () => {
  it('match R', () => {
    // mean(c(2, 4, 9)); var(c(2, 4, 9)); sd(c(2, 4, 9))
    expect(mean([2, 4, 9])).toBe(5);
    expect(sampleVariance([2, 4, 9])).toBe(13);
    expect(sampleSd([2, 4, 9])).toBe(3.6055512754639891);
    // mean(c(1.5, 2.25, -3, 10.125)); var(c(1.5, 2.25, -3, 10.125))
    expect(mean([1.5, 2.25, -3, 10.125])).toBe(2.71875);
    expect(sampleVariance([1.5, 2.25, -3, 10.125])).toBe(29.75390625);
  });

  it('give a constant sample its value and zero variance exactly', () => {
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
    expect(sampleVariance([0.1, 0.1, 0.1])).toBe(0);
  });

  it('return NaN where R returns NA', () => {
    expect(mean([])).toBeNaN();
    expect(sampleVariance([7])).toBeNaN();
    expect(sampleSd([])).toBeNaN();
  });
});
