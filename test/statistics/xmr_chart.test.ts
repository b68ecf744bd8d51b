import { describe, expect, it } from 'vitest';
import { xmrChart, type XmrChartOptions, type XmrInputPoint } from '../../pipeline/statistics/xmr_chart.ts';
import { bool, deepFreeze, expectClose, num, numOrThrow, readCsv, readJson, type Row } from './vectors.ts';

// Expected values: NHSRplotthedots 0.2.2 (commit 050b07d7) ptd_spc() in R 4.2.2, from
// ../shared/vectors/spc-funnel/spc (per-point CSVs, cases.json for the calls and summaries).
// Numbers are exact doubles, but R takes means in long double with a refinement pass, so a
// double-precision port can differ in the last bits: relative tolerance 1e-9 (README).
const REL = 1e-9;

interface SpcCase {
  id: string;
  file: string;
  parameters: {
    improvement_direction: 'increase' | 'decrease' | 'neutral';
    screen_outliers: boolean;
    fix_after_n_points: number | null;
    rebase: string | string[] | Record<string, string> | null;
    target: number | Record<string, number> | null;
    facet_field: string | null;
  };
  warnings: string[];
  summary: Array<Record<string, string | number | null>>;
  assurance: Array<{ f: string; assurance_type: string | null }>;
}

const cases = readJson<{ cases: SpcCase[] }>('spc/cases.json').cases;

function optionsFor(c: SpcCase): XmrChartOptions {
  const p = c.parameters;
  return {
    improvementDirection: p.improvement_direction,
    screenOutliers: p.screen_outliers,
    fixAfterNPoints: p.fix_after_n_points,
    rebase: p.rebase,
    target: p.target,
  };
}

function inputFor(c: SpcCase, rows: readonly Row[]): XmrInputPoint[] {
  // Shuffle the input order (reverse) to prove the chart sorts by facet and date itself.
  return rows
    .map((r) => ({ x: r.x ?? '', y: numOrThrow(r, 'y'), ...(c.parameters.facet_field ? { facet: r.f ?? '' } : {}) }))
    .reverse();
}

describe('xmrChart against NHSRplotthedots 0.2.2', () => {
  it('covers all 26 cases', () => expect(cases).toHaveLength(26));

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const rows = readCsv(`spc/${c.file}`);
    const input = deepFreeze(inputFor(c, rows));
    const options = deepFreeze(optionsFor(c));
    const chart = xmrChart(input, options);

    it('matches every per-point column', () => {
      expect(chart.points).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        const p = chart.points[i]!;
        const at = `${c.id} row ${i + 1} (${row.x})`;
        expect(p.x, at).toBe(row.x);
        expect(p.facet, at).toBe(c.parameters.facet_field ? row.f : 'no facet');
        expect(p.rebaseGroup, `${at} rebase_group`).toBe(num(row, 'rebase_group'));
        expect(p.shortGroupWarning, `${at} short_group_warning`).toBe(bool(row, 'short_group_warning'));
        expectClose(p.fixY, num(row, 'fix_y'), 0, `${at} fix_y`);
        expectClose(p.mean, num(row, 'mean_col'), REL, `${at} mean_col`);
        expectClose(p.lowerProcessLimit, num(row, 'lpl'), REL, `${at} lpl`);
        expectClose(p.upperProcessLimit, num(row, 'upl'), REL, `${at} upl`);
        expectClose(p.lowerNearLimit, num(row, 'nlpl'), REL, `${at} nlpl`);
        expectClose(p.upperNearLimit, num(row, 'nupl'), REL, `${at} nupl`);
        expectClose(p.movingRange, num(row, 'mr'), 0, `${at} mr`);
        expectClose(p.movingRangeUsed, num(row, 'mr_used'), 0, `${at} mr_used`);
        expectClose(p.meanMovingRange, num(row, 'amr'), REL, `${at} amr`);
        expect(p.outsideLimits, `${at} outside_limits`).toBe(bool(row, 'outside_limits'));
        expect(p.relativeToMean, `${at} relative_to_mean`).toBe(num(row, 'relative_to_mean'));
        expect(p.closeToLimits, `${at} close_to_limits`).toBe(bool(row, 'close_to_limits'));
        expect(p.ruleShift, `${at} rule_shift`).toBe(bool(row, 'rule_shift'));
        expect(p.ruleTrend, `${at} rule_trend`).toBe(bool(row, 'rule_trend'));
        expect(p.ruleTwoInThree, `${at} rule_two_in_three`).toBe(bool(row, 'rule_two_in_three'));
        expect(p.trendEnd, `${at} trend_end`).toBe(num(row, 'trend_end'));
        expect(p.runEnd, `${at} run_end`).toBe(num(row, 'run_end'));
        expect(p.specialCauseType, `${at} special_cause_type`).toBe(row.special_cause_type);
        expect(p.specialCauseFlag, `${at} special_cause_flag`).toBe(bool(row, 'special_cause_flag'));
        expect(p.pointType, `${at} point_type`).toBe(row.point_type);
        expect(p.target, `${at} target`).toBe(num(row, 'target'));
      });
    });

    it('matches summary(res), the assurance and the short-group warning', () => {
      expect(chart.groups).toHaveLength(c.summary.length);
      c.summary.forEach((s, i) => {
        const g = chart.groups[i]!;
        if (s.f !== undefined) expect(g.facet).toBe(s.f);
        if (s.rebase_group !== undefined) expect(g.rebaseGroup).toBe(s.rebase_group);
        expectClose(g.mean, s.mean_col as number, REL, 'mean_col');
        // cases.json writes NaN as null.
        expectClose(g.lowerProcessLimit, (s.lpl as number | null) ?? Number.NaN, REL, 'lpl');
        expectClose(g.upperProcessLimit, (s.upl as number | null) ?? Number.NaN, REL, 'upl');
        expect(g.n).toBe(s.n);
        expect(g.commonCause).toBe(s.common_cause);
        expect(g.specialCauseImprovement).toBe(s.special_cause_improvement);
        expect(g.specialCauseConcern).toBe(s.special_cause_concern);
        expect(g.variationType).toBe(s.variation_type);
        if ('assurance_type' in s) expect(g.assuranceType).toBe(s.assurance_type);
      });
      for (const a of c.assurance) {
        const facetGroups = chart.groups.filter((g) => g.facet === a.f);
        expect(facetGroups.at(-1)?.assuranceType ?? null).toBe(a.assurance_type);
      }
      expect(chart.shortGroupWarning).toBe(c.warnings.length > 0);
    });
  });
});

describe('xmrChart quirk decisions (each matches NHSRplotthedots 0.2.2, not the divergent guidance)', () => {
  const chartOf = (id: string) => {
    const c = cases.find((k) => k.id === id)!;
    return { chart: xmrChart(inputFor(c, readCsv(`spc/${c.file}`)), optionsFor(c)), rows: readCsv(`spc/${c.file}`) };
  };

  it('runs are 7 long and a point on the mean breaks one (xmr_23)', () => {
    const { chart } = chartOf('xmr_23_runs_on_mean');
    const shift = chart.points.map((p) => p.ruleShift);
    expect(shift.slice(0, 6)).toEqual(Array(6).fill(false)); // 6 above: no shift (MDC could use 6)
    expect(shift.slice(6, 13)).toEqual(Array(7).fill(true)); // 7 below: shift
    expect(chart.points[16]!.relativeToMean).toBe(0);
    expect(shift.slice(13, 21)).toEqual(Array(8).fill(false)); // 7 above broken by month 17 on the mean
  });

  it('a tie breaks a trend and 6 rising points are not one (xmr_24)', () => {
    const { chart } = chartOf('xmr_24_trend_lengths_and_ties');
    const trend = chart.points.map((p) => p.ruleTrend);
    expect(trend.slice(1, 7)).toEqual(Array(6).fill(false));
    expect(trend.slice(9, 16)).toEqual(Array(7).fill(true));
    expect(trend.slice(19, 27)).toEqual(Array(8).fill(false));
    expect(chart.points[19]!.specialCauseType).toBe('2 in 3 Below CL');
  });

  it('two-in-three needs all three points on one side of the mean (xmr_08, xmr_08b)', () => {
    const flagged = chartOf('xmr_08_two_in_three_flagged').chart.points;
    expect([7, 8, 9].map((i) => flagged[i]!.ruleTwoInThree)).toEqual([true, false, true]);
    expect([19, 20].map((i) => flagged[i]!.ruleTwoInThree)).toEqual([false, false]);
    const notFlagged = chartOf('xmr_08b_two_in_three_not_flagged').chart.points;
    expect(notFlagged.filter((p) => p.ruleTwoInThree)).toEqual([]);
  });

  it('conflicts resolve by priority, not "improvement wins" (xmr_22)', () => {
    const { chart } = chartOf('xmr_22_conflict_trend_vs_shift');
    for (const i of [13, 14, 15, 16]) {
      expect(chart.points[i]!.ruleShift).toBe(true);
      expect(chart.points[i]!.specialCauseType).toBe('7 Point Trend (Decreasing)');
      expect(chart.points[i]!.pointType).toBe('special_cause_concern');
    }
  });

  it('12 points still get trial-limit warnings (threshold n < 13, xmr_12)', () => {
    expect(chartOf('xmr_12_exactly_12_points').chart.shortGroupWarning).toBe(true);
    expect(chartOf('xmr_21_two_rebases_short_group').chart.points.map((p) => p.shortGroupWarning)).toEqual([
      ...Array(13).fill(false),
      ...Array(9).fill(true),
      ...Array(14).fill(false),
    ]);
  });

  it('a constant series with screening has NaN limits and no flags (xmr_09)', () => {
    const { chart } = chartOf('xmr_09_constant_screened');
    expect(chart.points.every((p) => Number.isNaN(p.upperProcessLimit) && p.outsideLimits === null)).toBe(true);
    expect(chart.points.every((p) => p.pointType === 'common_cause')).toBe(true);
  });
});
