import { assuranceType, type AssuranceType } from './assurance_type.ts';
import { pointType, type ImprovementDirection, type PointType } from './point_type.ts';
import { shiftRule } from './shift_rule.ts';
import { specialCauseType, type SpecialCauseType } from './special_cause_type.ts';
import { trendRule } from './trend_rule.ts';
import { twoInThreeRule } from './two_in_three_rule.ts';
import { xmrLimits } from './xmr_limits.ts';
import { xmrPointPositions } from './xmr_point_position.ts';

/** The facet name NHSRplotthedots uses when the data have no facet. */
export const NO_FACET = 'no facet';

/**
 * Groups of 12 or fewer points are flagged as having trial limits. NHSRplotthedots 0.2.2 warns
 * when n < getOption("ptd_spc.warning_threshold", 13), although its documentation says 12 and its
 * message says "n < 12". We follow the code, the stricter reading (xmr_12: 12 points warn).
 */
const SHORT_GROUP_THRESHOLD = 13;

export interface XmrInputPoint {
  /** ISO date `YYYY-MM-DD`. */
  readonly x: string;
  readonly y: number;
  readonly facet?: string;
}

/** A value for every facet, or one value per named facet. */
export type PerFacet<T> = T | Readonly<Record<string, T>>;

export interface XmrChartOptions {
  readonly improvementDirection?: ImprovementDirection;
  readonly screenOutliers?: boolean;
  readonly fixAfterNPoints?: number | null;
  /** Dates (ISO) at which the limits are recalculated; the date starts the new group. */
  readonly rebase?: PerFacet<string | readonly string[]> | null;
  readonly target?: PerFacet<number> | null;
}

export interface XmrChartPoint {
  readonly x: string;
  readonly y: number;
  readonly facet: string;
  readonly rebaseGroup: number;
  readonly shortGroupWarning: boolean;
  readonly fixY: number | null;
  readonly mean: number;
  readonly lowerProcessLimit: number;
  readonly upperProcessLimit: number;
  readonly lowerNearLimit: number;
  readonly upperNearLimit: number;
  readonly movingRange: number | null;
  readonly movingRangeUsed: number | null;
  readonly meanMovingRange: number;
  readonly outsideLimits: boolean | null;
  readonly relativeToMean: -1 | 0 | 1;
  readonly closeToLimits: boolean | null;
  readonly ruleShift: boolean;
  readonly ruleTrend: boolean;
  readonly ruleTwoInThree: boolean;
  readonly trendEnd: number;
  readonly runEnd: number;
  readonly specialCauseType: SpecialCauseType;
  readonly specialCauseFlag: boolean;
  readonly pointType: PointType;
  readonly target: number | null;
}

export interface XmrGroupSummary {
  readonly facet: string;
  readonly rebaseGroup: number;
  readonly mean: number;
  readonly lowerProcessLimit: number;
  readonly upperProcessLimit: number;
  readonly n: number;
  readonly commonCause: number;
  readonly specialCauseImprovement: number;
  readonly specialCauseConcern: number;
  /** point type of the group's last point (drives the variation icon). */
  readonly variationType: PointType;
  /** Only for the latest group of a facet with a target; null otherwise. */
  readonly assuranceType: AssuranceType | null;
}

export interface XmrChart {
  readonly points: readonly XmrChartPoint[];
  readonly groups: readonly XmrGroupSummary[];
  /** True when any facet × rebase group has trial limits (12 or fewer points). */
  readonly shortGroupWarning: boolean;
}

const defaults = {
  improvementDirection: 'increase' as ImprovementDirection,
  screenOutliers: true,
  fixAfterNPoints: null as number | null,
};

function forFacet<T>(value: PerFacet<T> | null | undefined, facet: string, isScalar: (v: unknown) => v is T): T | null {
  if (value === null || value === undefined) return null;
  if (isScalar(value)) return value;
  return (value as Readonly<Record<string, T>>)[facet] ?? null;
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isDates = (v: unknown): v is string | readonly string[] => typeof v === 'string' || Array.isArray(v);

/**
 * An XmR ("Making Data Count") chart: per facet and rebase group, the mean, moving ranges, process
 * limits, special-cause rules, the label chosen by priority, point-level variation type, and
 * assurance against a target. Points come back sorted by facet, then date.
 *
 * Reference: NHS England / NHS Improvement "Making Data Count" (2019); reproduces NHSRplotthedots
 * 0.2.2 `ptd_spc()` (see ../shared/vectors/spc-funnel/README.md for where it departs from the
 * guidance, and the comments at each rule for which side we take).
 *
 * @example xmrChart(months.map((x, i) => ({ x, y: values[i] })), { improvementDirection: 'decrease', target: 40 })
 */
export function xmrChart(data: readonly XmrInputPoint[], options: XmrChartOptions = {}): XmrChart {
  const direction = options.improvementDirection ?? defaults.improvementDirection;
  const limitOptions = {
    screenOutliers: options.screenOutliers ?? defaults.screenOutliers,
    fixAfterNPoints: options.fixAfterNPoints ?? defaults.fixAfterNPoints,
  };
  // Code-unit order for facets, as dplyr ≥ 1.1 arrange() sorts in the C locale.
  const sorted = data
    .map((p) => ({ x: p.x, y: p.y, facet: p.facet ?? NO_FACET }))
    .sort((a, b) => (a.facet < b.facet ? -1 : a.facet > b.facet ? 1 : a.x < b.x ? -1 : a.x > b.x ? 1 : 0));
  for (const p of sorted) {
    if (!Number.isFinite(p.y)) throw new RangeError(`xmrChart: value is not a finite number at ${p.facet} ${p.x}`);
  }

  const points: XmrChartPoint[] = [];
  const groups: XmrGroupSummary[] = [];
  const facets = [...new Set(sorted.map((p) => p.facet))];
  for (const facet of facets) {
    const rows = sorted.filter((p) => p.facet === facet);
    const rebaseDates = new Set([forFacet(options.rebase, facet, isDates) ?? []].flat());
    const target = forFacet(options.target, facet, isNumber);
    let group = 0;
    const groupOf = rows.map((p) => (rebaseDates.has(p.x) ? ++group : group));
    for (let g = 0; g <= group; g++) {
      const members = rows.filter((_, i) => groupOf[i] === g);
      if (members.length === 0) continue;
      const chart = chartGroup(members.map((p) => p.y), limitOptions, direction);
      const groupPoints = members.map((p, i) => ({
        ...p,
        rebaseGroup: g,
        shortGroupWarning: members.length < SHORT_GROUP_THRESHOLD,
        target,
        ...chart[i]!,
      }));
      points.push(...groupPoints);
      const last = groupPoints[groupPoints.length - 1]!;
      const count = (t: PointType): number => groupPoints.filter((p) => p.pointType === t).length;
      groups.push({
        facet,
        rebaseGroup: g,
        mean: last.mean,
        lowerProcessLimit: last.lowerProcessLimit,
        upperProcessLimit: last.upperProcessLimit,
        n: members.length,
        commonCause: count('common_cause'),
        specialCauseImprovement: count('special_cause_improvement'),
        specialCauseConcern: count('special_cause_concern'),
        variationType: last.pointType,
        assuranceType:
          g === group ? assuranceType(target, last.lowerProcessLimit, last.upperProcessLimit, direction) : null,
      });
    }
  }
  return { points, groups, shortGroupWarning: points.some((p) => p.shortGroupWarning) };
}

type GroupColumns = Omit<XmrChartPoint, 'x' | 'y' | 'facet' | 'rebaseGroup' | 'shortGroupWarning' | 'target'>;

function chartGroup(
  values: readonly number[],
  limitOptions: { screenOutliers: boolean; fixAfterNPoints: number | null },
  direction: ImprovementDirection,
): GroupColumns[] {
  const limits = xmrLimits(values, limitOptions);
  const positions = xmrPointPositions(values, limits);
  const relativeToMean = positions.map((p) => p.relativeToMean);
  const outsideLimits = positions.map((p) => p.outsideLimits);
  const shift = shiftRule(relativeToMean);
  const trend = trendRule(values);
  const twoInThree = twoInThreeRule(
    positions.map((p) => p.closeToLimits),
    relativeToMean,
  );
  const types = specialCauseType({
    values,
    relativeToMean,
    outsideLimits,
    trend: trend.flagged,
    twoInThree,
    shift: shift.flagged,
  });
  return values.map((_, i) => {
    const type = types[i]!;
    const position = positions[i]!;
    return {
      fixY: limits.baseline[i] ?? null,
      mean: limits.mean,
      lowerProcessLimit: limits.lowerProcessLimit,
      upperProcessLimit: limits.upperProcessLimit,
      lowerNearLimit: limits.lowerNearLimit,
      upperNearLimit: limits.upperNearLimit,
      movingRange: limits.movingRanges[i] ?? null,
      movingRangeUsed: limits.movingRangesUsed[i] ?? null,
      meanMovingRange: limits.meanMovingRange,
      ...position,
      ruleShift: shift.flagged[i]!,
      ruleTrend: trend.flagged[i]!,
      ruleTwoInThree: twoInThree[i]!,
      trendEnd: trend.trendEnd[i]!,
      runEnd: shift.runEnd[i]!,
      specialCauseType: type,
      specialCauseFlag: type !== 'Common Cause',
      pointType: pointType(type, direction),
    };
  });
}
