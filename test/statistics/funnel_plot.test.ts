import { describe, expect, it } from 'vitest';
import { funnelPlot, type FunnelPlotOptions, type FunnelPlotUnit } from '../../pipeline/statistics/funnel_plot.ts';
import { deepFreeze, expectClose, num, numOrThrow, readCsv, readJson, type Row } from './vectors.ts';

// Expected values: FunnelPlotR 0.6.0 (commit 9020d497) funnel_plot() in R 4.2.2, from
// ../shared/vectors/spc-funnel/funnel (per-unit CSVs, *_limits.csv lookups, cases.json).
// Numbers are exact doubles. Tolerances:
// - REL = 1e-9 for everything built from sums, logs and square roots (R sums in long double);
// - the exact Poisson limits (SR LCL/UCL) come from our own incomplete-gamma inversion rather than
//   R's qgamma; both are accurate to ~1e-14, so 1e-9 still holds with a wide margin.
const REL = 1e-9;

interface FunnelCase {
  id: string;
  file: string;
  limits_file: string;
  parameters: {
    data_type: 'SR' | 'PR' | 'RC';
    sr_method: 'SHMI' | 'CQC' | null;
    draw_adjusted_requested: boolean;
    trim_by: number;
    multiplier: number;
    SHMI_rounding: boolean;
  };
  result: {
    target: number;
    phi: number;
    tau2: number;
    draw_adjusted_used: boolean;
    outliers_95: string[];
    outliers_998: string[];
  };
}

const cases = readJson<{ cases: FunnelCase[] }>('funnel/cases.json').cases;

function optionsFor(c: FunnelCase): FunnelPlotOptions {
  const p = c.parameters;
  return {
    dataType: p.data_type,
    srMethod: p.sr_method ?? 'SHMI',
    drawAdjusted: p.draw_adjusted_requested,
    trimBy: p.trim_by,
    multiplier: p.multiplier,
    shmiRounding: p.SHMI_rounding,
  };
}

function unitsFor(rows: readonly Row[]): FunnelPlotUnit[] {
  // Reversed, to prove nothing depends on the package's (locale-sorted) group order.
  return rows
    .map((r) => ({ group: r.group ?? '', numerator: numOrThrow(r, 'numerator_in'), denominator: numOrThrow(r, 'denominator_in') }))
    .reverse();
}

const flag = (b: boolean): number => (b ? 1 : 0);

describe('funnelPlot against FunnelPlotR 0.6.0', () => {
  it('covers all 16 cases', () => expect(cases).toHaveLength(16));

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const rows = readCsv(`funnel/${c.file}`);
    const lookup = readCsv(`funnel/${c.limits_file}`);
    const plot = funnelPlot(deepFreeze(unitsFor(rows)), deepFreeze(optionsFor(c)));
    const shmi = c.parameters.data_type === 'SR' && (c.parameters.sr_method ?? 'SHMI') === 'SHMI';

    it('matches target, phi, tau2 and the limits used', () => {
      expectClose(plot.target, c.result.target, REL, 'target');
      expectClose(plot.phi, c.result.phi, REL, 'phi');
      expectClose(plot.tau2, c.result.tau2, REL, 'tau2');
      expect(plot.adjustedUsed).toBe(c.result.draw_adjusted_used);
    });

    it('matches every per-unit column', () => {
      expect(plot.points).toHaveLength(rows.length);
      for (const row of rows) {
        const p = plot.points.find((q) => q.group === row.group)!;
        const at = `${c.id} ${row.group}`;
        expect(p, at).toBeDefined();
        expectClose(p.numerator, num(row, 'numerator'), 0, `${at} numerator`);
        expectClose(p.denominator, num(row, 'denominator'), 0, `${at} denominator`);
        expectClose(p.ratio, num(row, 'rr'), REL, `${at} rr`);
        expectClose(p.value, num(row, 'value'), REL, `${at} value`);
        expectClose(plot.targetTransformed, num(row, 'target_transformed'), REL, `${at} target_transformed`);
        expectClose(p.y, num(row, 'Y'), REL, `${at} Y`);
        expectClose(p.zScore, num(row, 'Uzscore'), REL, `${at} Uzscore`);
        if (shmi) {
          expect(p.rank, `${at} rk`).toBe(num(row, 'rk'));
          expect(p.truncationGroup, `${at} sp`).toBe(num(row, 'sp'));
          expect(p.truncated, `${at} truncated`).toBe(num(row, 'truncated'));
        } else {
          expect(p.winsorised, `${at} winsorised`).toBe(num(row, 'winsorised'));
        }
        expectClose(p.adjustedZScore, num(row, 'Wuzscore'), REL, `${at} Wuzscore`);
        expectClose(p.s, num(row, 's'), REL, `${at} s`);
        expectClose(p.unadjustedLimits.lower95, num(row, 'LCL95'), REL, `${at} LCL95`);
        expectClose(p.unadjustedLimits.upper95, num(row, 'UCL95'), REL, `${at} UCL95`);
        expectClose(p.unadjustedLimits.lower998, num(row, 'LCL99'), REL, `${at} LCL99`);
        expectClose(p.unadjustedLimits.upper998, num(row, 'UCL99'), REL, `${at} UCL99`);
        expectClose(p.adjustedLimits.lower95, num(row, 'OD95LCL'), REL, `${at} OD95LCL`);
        expectClose(p.adjustedLimits.upper95, num(row, 'OD95UCL'), REL, `${at} OD95UCL`);
        expectClose(p.adjustedLimits.lower998, num(row, 'OD99LCL'), REL, `${at} OD99LCL`);
        expectClose(p.adjustedLimits.upper998, num(row, 'OD99UCL'), REL, `${at} OD99UCL`);
        expect(flag(p.outlier.at95), `${at} outlier_95`).toBe(num(row, 'outlier_95'));
        expect(flag(p.outlier.at998), `${at} outlier_998`).toBe(num(row, 'outlier_998'));
        expect(flag(p.outlierUnadjusted.at95), `${at} outlier_unadj_95`).toBe(num(row, 'outlier_unadj_95'));
        expect(flag(p.outlierUnadjusted.at998), `${at} outlier_unadj_998`).toBe(num(row, 'outlier_unadj_998'));
        expect(flag(p.outlierAdjusted.at95), `${at} outlier_od_95`).toBe(num(row, 'outlier_od_95'));
        expect(flag(p.outlierAdjusted.at998), `${at} outlier_od_998`).toBe(num(row, 'outlier_od_998'));
      }
      const names = (level: 'at95' | 'at998') => plot.points.filter((p) => p.outlier[level]).map((p) => p.group).sort();
      expect(names('at95')).toEqual([...c.result.outliers_95].sort());
      expect(names('at998')).toEqual([...c.result.outliers_998].sort());
    });

    it('matches the limits lookup (limits(fp)) row by row', () => {
      expect(plot.limits).toHaveLength(lookup.length);
      lookup.forEach((row, i) => {
        const l = plot.limits[i]!;
        const at = `${c.id} lookup row ${i + 1}`;
        expectClose(l.denominator, num(row, 'number_seq'), 1e-15, `${at} number_seq`);
        expectClose(l.s, num(row, 's'), REL, `${at} s`);
        expectClose(l.adjusted.lower95, num(row, 'odll95'), REL, `${at} odll95`);
        expectClose(l.adjusted.upper95, num(row, 'odul95'), REL, `${at} odul95`);
        expectClose(l.adjusted.lower998, num(row, 'odll998'), REL, `${at} odll998`);
        expectClose(l.adjusted.upper998, num(row, 'odul998'), REL, `${at} odul998`);
        expectClose(l.unadjusted.lower95, num(row, 'll95'), REL, `${at} ll95`);
        expectClose(l.unadjusted.upper95, num(row, 'ul95'), REL, `${at} ul95`);
        expectClose(l.unadjusted.lower998, num(row, 'll998'), REL, `${at} ll998`);
        expectClose(l.unadjusted.upper998, num(row, 'ul998'), REL, `${at} ul998`);
      });
    });
  });
});

describe('funnelPlot quirk decisions (each reproduces FunnelPlotR 0.6.0)', () => {
  const plotOf = (id: string) => {
    const c = cases.find((k) => k.id === id)!;
    return funnelPlot(unitsFor(readCsv(`funnel/${c.file}`)), optionsFor(c));
  };

  it('CQC limits stay on the square-root scale (package issue #33), narrower than Poisson (fp_03 unit a)', () => {
    const a = plotOf('fp_03_pkgtest_sr_cqc_trim05').points.find((p) => p.group === 'a')!;
    expect(a.adjustedLimits.lower95).toBeGreaterThan(a.unadjustedLimits.lower95); // 0.839 > 0.820
    expect(a.adjustedLimits.upper95).toBeLessThan(a.unadjustedLimits.upper95); // 1.161 < 1.207
  });

  it('SHMI truncates (drops) rather than winsorises, and rounds E to 2 dp for limits but not for rr (fp_05)', () => {
    const plot = plotOf('fp_05_medpar_sr_shmi_adjusted');
    const u = plot.points.find((p) => p.group === '030001')!;
    expect(u.denominator).toBe(523.7);
    expect(u.ratio).toBe(406 / 523.6963043991925);
    expect(u.truncated).toBe(1);
    expect(u.adjustedZScore).toBeNull();
    expect(plot.points.every((p) => p.winsorised === null)).toBe(true);
  });

  it('PR lower limits at small n follow the grid-neighbour monotonicity fix, not a clamp (fp_13, n = 5)', () => {
    const u = plotOf('fp_13_pr_edge_small_n').points.find((p) => p.group === 'Unit 01')!;
    expectClose(u.unadjustedLimits.lower95, 8.897185247214574e-6, REL, 'LCL95');
    expect(u.unadjustedLimits.lower998).toBe(0);
  });

  it('falls back to unadjusted limits when phi <= 1 but keeps phi (fp_14)', () => {
    const plot = plotOf('fp_14_pr_underdispersed_fallback');
    expect(plot.adjustedUsed).toBe(false);
    expect(plot.phi).toBeGreaterThan(0);
    expect(plot.phi).toBeLessThanOrEqual(1);
    expect(plot.points.map((p) => p.outlier)).toEqual(plot.points.map((p) => p.outlierUnadjusted));
  });

  it('reports phi = tau2 = 0 when adjustment is not requested (fp_07)', () => {
    const plot = plotOf('fp_07_depts30_sr_unadjusted');
    expect([plot.phi, plot.tau2, plot.adjustedUsed]).toEqual([0, 0, false]);
  });

  it('limits are inclusive: a value on a limit is not an outlier (fp_13 Unit 01, 0/5 on LCL99 = 0)', () => {
    const u = plotOf('fp_13_pr_edge_small_n').points.find((p) => p.group === 'Unit 01')!;
    expect(u.value).toBe(0);
    expect(u.unadjustedLimits.lower998).toBe(0);
    expect(u.outlierUnadjusted).toEqual({ at95: true, at998: false });
  });

  it('judges a point by the z of the limits it uses: beyond ±1.96 exactly when outside the 95% limits, adjusted or not (PR cases)', () => {
    const z95 = 1.959963984540054;
    let adjusted = 0;
    for (const c of cases.filter((c) => c.parameters.data_type === 'PR')) {
      const plot = funnelPlot(unitsFor(readCsv(`funnel/${c.file}`)), optionsFor(c));
      // the lower limits at very small n follow a monotonicity fix, not the z (see the fp_13 test)
      for (const point of plot.points.filter((p) => p.denominator >= 30)) {
        expect(Math.abs(point.judgedZScore) > z95, `${c.id} ${point.group}`).toBe(point.outlier.at95);
      }
      if (plot.adjustedUsed) adjusted++;
      else for (const point of plot.points) expect(point.judgedZScore).toBe(point.zScore);
    }
    expect(adjusted).toBeGreaterThan(0);
  });

  it('rejects duplicate groups and empty input', () => {
    expect(() => funnelPlot([])).toThrow(/funnelPlot/);
    const u = { group: 'a', numerator: 1, denominator: 2 };
    expect(() => funnelPlot([u, u])).toThrow(/funnelPlot/);
    expect(() => funnelPlot([{ group: 'a', numerator: 3, denominator: 2 }], { dataType: 'PR' })).toThrow(/funnelPlot/);
  });
});
