/**
 * Linear or logarithmic axis. A sweep from 10 to 10,000 users, or from 50 KB to 100 MiB, puts all
 * but the last points in the first pixels of a linear axis; past two decades a log axis is the
 * honest picture. Below that a linear axis reads more naturally, as in the paper's own figures.
 */

/** Orders of magnitude a linear axis may span before it turns logarithmic. */
export const MAX_LINEAR_DECADES = 2;

/**
 * `log` when every value is positive and the largest is more than 10^MAX_LINEAR_DECADES times
 * the smallest; `linear` otherwise (including when any value is 0 or negative, which a log axis
 * cannot show).
 */
export function chooseScale(values: readonly number[]): 'log' | 'linear' {
  if (values.length === 0 || values.some((v) => !(v > 0))) return 'linear';
  const min = Math.min(...values);
  const max = Math.max(...values);
  return max / min > 10 ** MAX_LINEAR_DECADES ? 'log' : 'linear';
}
