/**
 * log(Σ exp(xᵢ)) without overflow or needless underflow: the largest term is factored out
 * first, so sums of probabilities far below 1e-308 keep their logarithm.
 *
 * @example logSumExp([Math.log(0.25), Math.log(0.5)]) // ≈ Math.log(0.75)
 * @returns -Infinity for an empty range or when every term is -Infinity.
 */
export function logSumExp(values: ArrayLike<number>, from = 0, to = values.length): number {
  let max = -Infinity;
  for (let i = from; i < to; i++) max = Math.max(max, values[i]!);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = from; i < to; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}
