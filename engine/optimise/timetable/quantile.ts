/**
 * Quantiles of the waste a bin gathers between two visits. A day's waste at
 * a point is lognormal with mean 1 × the expected kg and the scenario's
 * coefficient of variation, independently from day to day; the sum over
 * several days is fitted by a lognormal with the same mean and variance
 * (Fenton–Wilkinson), which is what planning on "P90 of demand" needs.
 */

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile level must lie in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5, r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Quantile `q` of a lognormal variable with the given mean and coefficient of variation. */
export function lognormalQuantile(mean: number, cv: number, q: number): number {
  if (mean <= 0) return 0;
  if (cv <= 0) return mean;
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normalQuantile(q));
}

/**
 * Quantile `q` of the sum of `days` independent daily draws (mean `meanKg`
 * in total, each day's CV `cv`): the sum's CV is cv/√days when the days weigh
 * alike. A fraction of one day (days < 1) keeps that day's CV.
 */
export function accumulatedQuantileKg(meanKg: number, cv: number, days: number, q: number): number {
  return lognormalQuantile(meanKg, cv / Math.sqrt(Math.max(1, days)), q);
}
