/** Numbers as results.md and the progress lines show them. Pure. */

/** Rounded to `digits` decimals, thousands separated by commas: formatNumber(1234567.8) = "1,234,568". */
export function formatNumber(x: number, digits = 0): string {
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // No "-0" for a negative number that rounds to zero.
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}
