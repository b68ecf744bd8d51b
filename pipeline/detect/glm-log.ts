/**
 * Maximum-likelihood fit of a log-linear (Poisson / quasi-Poisson) GLM by iteratively reweighted
 * least squares (McCullagh & Nelder 1989, Generalized Linear Models, §2.5), with the start
 * (μ = y + 0.1) and stopping rule (|ΔD|/(|D| + 0.1) < 1e-8, at most 25 iterations) of R's `glm.fit`,
 * so fits that diverge (all-zero data) stop where R's do. `x` holds one row of covariates per
 * observation, intercept included; rows with weight 0 do not count.
 *
 * @example fitLogLinear([[1], [1], [1]], [1, 2, 3]).beta // [log 2]
 */
export interface LogLinearFit {
  beta: number[];
  /** Fitted means, one per row of x. */
  mu: number[];
  /** (Xᵀ W X)⁻¹ with the working weights below: the unscaled covariance of beta, as R's summary.glm has it. */
  unscaledCovariance: number[][];
  /** Working weights W = prior weight × μ of the last IRLS step (R's `fit$weights`). */
  workingWeights: number[];
  converged: boolean;
}

export const glmControl = Object.freeze({ epsilon: 1e-8, maxit: 25 });

export function fitLogLinear(x: readonly (readonly number[])[], y: readonly number[], weights?: readonly number[]): LogLinearFit {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n === 0 || p === 0 || x.length !== n) throw new RangeError('fitLogLinear requires one covariate row per observation');
  const w = weights ?? y.map(() => 1);
  // Farrington's design is an intercept, a trend and one seasonal indicator per row: keeping each
  // row's non-zero entries makes XᵀWX cost a few products per row instead of p².
  const sparse = x.map((row) => {
    const index: number[] = [];
    const value: number[] = [];
    row.forEach((v, a) => {
      if (v !== 0) {
        index.push(a);
        value.push(v);
      }
    });
    return { index, value };
  });
  let mu = y.map((v) => v + 0.1);
  let eta = mu.map(Math.log);
  let deviance = poissonDeviance(y, mu, w);
  let beta = new Array<number>(p).fill(0);
  let inverse: number[][] = [];
  let lastWeights: number[] = [];
  let converged = false;
  const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwz = new Array<number>(p).fill(0);
  for (let iter = 0; iter < glmControl.maxit; iter++) {
    // working response z = η + (y − μ)/μ, working weight w·μ (log link: dμ/dη = μ)
    for (let a = 0; a < p; a++) {
      xtwz[a] = 0;
      xtwx[a]!.fill(0);
    }
    lastWeights = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const wi = w[i]! * mu[i]!;
      lastWeights[i] = wi;
      if (wi === 0) continue;
      const zi = eta[i]! + (y[i]! - mu[i]!) / mu[i]!;
      const { index, value } = sparse[i]!;
      for (let j = 0; j < index.length; j++) {
        const a = index[j]!;
        const wv = wi * value[j]!;
        xtwz[a]! += wv * zi;
        const rowA = xtwx[a]!;
        for (let k = 0; k <= j; k++) rowA[index[k]!]! += wv * value[k]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b]![a] = xtwx[a]![b]!;
    inverse = invertSymmetric(xtwx);
    beta = inverse.map((r) => r.reduce((s, v, b) => s + v * xtwz[b]!, 0));
    eta = sparse.map(({ index, value }) => index.reduce((sum, a, j) => sum + value[j]! * beta[a]!, 0));
    mu = eta.map(Math.exp);
    const previous = deviance;
    deviance = poissonDeviance(y, mu, w);
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < glmControl.epsilon) {
      converged = true;
      break;
    }
  }
  // Like R's glm.fit, report the weights and (XᵀWX)⁻¹ of the last IRLS step, i.e. at the μ before the
  // final update: summary.glm's dispersion and hatvalues() use these, and near R's loose stopping rule
  // they differ from values at the final μ by up to ~1e-4 relative, enough to move a quantile.
  return { beta, mu, unscaledCovariance: inverse, workingWeights: lastWeights, converged };
}

/** Poisson deviance 2 Σ w (y log(y/μ) − (y − μ)). */
export function poissonDeviance(y: readonly number[], mu: readonly number[], w: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const mi = mu[i]!;
    d += 2 * w[i]! * ((yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi));
  }
  return d;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky decomposition. */
function invertSymmetric(m: readonly (readonly number[])[]): number[][] {
  const p = m.length;
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let d = m[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    if (!(d > 0)) throw new RangeError('fitLogLinear: the design matrix is singular');
    l[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < p; i++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  // inverse of L by forward substitution, then (L⁻¹)ᵀ L⁻¹
  const li = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    li[j]![j] = 1 / l[j]![j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i]![k]! * li[k]![j]!;
      li[i]![j] = s / l[i]![i]!;
    }
  }
  const out = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let k = Math.max(a, b); k < p; k++) s += li[k]![a]! * li[k]![b]!;
      out[a]![b] = s;
    }
  return out;
}
