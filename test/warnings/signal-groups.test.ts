import { describe, expect, it } from 'vitest';
import { detectionDefaults } from '../../pipeline/warnings/detection-settings.ts';
import { corroborated, enoughToOpen, openDetectorCells } from '../../pipeline/warnings/detector-warnings.ts';
import type { Warning, WarningHistory } from '../../pipeline/warnings/warnings.ts';
import { groupSignals, type CellSignal } from '../../pipeline/warnings/signal-groups.ts';

function signal(cell: string, kind: CellSignal['kind'], records: string[], qValue: number): CellSignal {
  return { kind, hospital: '江州市第一人民医院', cell, week: '2025-03-10', firstDay: '2025-03-10', observed: records.length, expected: 1, upperbound: 4, pValue: qValue / 10, qValue, method: 'farrington_flexible', baselineStart: '2024-03-04', baselineEnd: '2024-09-09', records, days: [...new Set(records.map((_, i) => `2025-03-1${i % 7}`))], previousPValue: 1, firstComplaints: false };
}

const lift = signal('["department","后勤保障部","facility"]', 'spike', ['a', 'b', 'c', 'd', 'e', 'f'], 0.002);
const carPark = signal('["location","地下停车场"]', 'hotspot', ['a', 'b', 'c', 'x'], 0.0001);
const word = signal('["term","zh","停运"]', 'emerging_term', ['b', 'c', 'd'], 0.001);
const elsewhere = signal('["department","检验科","cost"]', 'spike', ['p', 'q', 'r', 's', 't'], 0.01);

describe('groupSignals', () => {
  it('merges cells that count the same complaints and names the group after the department cell', () => {
    const groups = groupSignals([elsewhere, word, carPark, lift], new Set());
    expect(groups).toHaveLength(2);
    // the car park shares 3 of its 4 complaints with the lift spike; the word all 3 of its own
    expect(groups[0]!.primary.cell).toBe('["department","后勤保障部","facility"]');
    expect(groups[0]!.members.map((m) => m.cell)).toEqual(['["department","后勤保障部","facility"]', '["location","地下停车场"]', '["term","zh","停运"]']);
    expect(groups[0]!.records).toEqual(['a', 'b', 'c', 'x', 'd', 'e', 'f']);
    expect(groups[1]!.primary).toBe(elsewhere);
  });

  it('keeps the name of a warning already open, so an ongoing problem keeps its id', () => {
    const [group] = groupSignals([lift, carPark], new Set(['["location","地下停车场"]']));
    expect(group!.primary.cell).toBe('["location","地下停车场"]');
  });

  it('does not merge cells that share less than half of the smaller one', () => {
    const other = signal('["location","门诊大厅"]', 'hotspot', ['a', 'y', 'z'], 0.003);
    expect(groupSignals([lift, other], new Set())).toHaveLength(2);
  });

  it('does not make a department’s few complaints the same problem as the hospital’s whole category', () => {
    const hospital = signal('["category","facility"]', 'spike', ['a', 'b', 'c', 'd', 'e', 'f', ...'ghijklmnopqrstu'.split('')], 0.02);
    // all six of the department's complaints are in the category's 21, but they are under a third of them
    expect(groupSignals([lift, hospital], new Set())).toHaveLength(2);
    expect(groupSignals([lift, signal('["category","facility"]', 'spike', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 0.02)], new Set())).toHaveLength(1);
  });
});

describe('the evidence of a group', () => {
  it("holds a hospital-wide category's complaints only when no narrower cell sees the problem", () => {
    // the lift spike's 6 complaints are half the week's 12 facility complaints: one problem, two views
    const facility = signal('["category","facility"]', 'spike', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], 0.03);
    const [group] = groupSignals([facility, lift], new Set());
    expect(group!.members.map((m) => m.cell)).toEqual(['["department","后勤保障部","facility"]', '["category","facility"]']);
    expect(group!.records).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const [alone] = groupSignals([facility], new Set());
    expect(alone!.records).toHaveLength(12);
  });
});

describe('one problem, its own evidence', () => {
  // the paediatric ward's diarrhoea (n1..n4) and a word that two of its complaints share with four
  // wrong-drug complaints of other wards (w1..w4), which a surgical ward's spike counts
  const ward = signal('["department","Khoa Nhi","facility"]', 'spike', ['n1', 'n2', 'n3', 'n4'], 0.01);
  const drugWord = signal('["term","vi","thuốc"]', 'emerging_term', ['n1', 'n2', 'w1', 'w2', 'w3', 'w4'], 0.001);
  const surgery = signal('["department","Khoa Ngoại","quality"]', 'spike', ['w1', 'w2', 'w3', 'w4'], 0.002);

  it('takes no complaints of other wards through a word both share, and does not chain two wards into one warning', () => {
    const groups = groupSignals([drugWord, surgery, ward], new Set(['["department","Khoa Nhi","facility"]']));
    expect(groups.map((g) => [g.primary.cell, g.members.map((m) => m.cell), g.records])).toEqual([
      // the word shares 4 complaints with the surgical ward and 2 with the paediatric one: it joins
      // the one it shares most with, and its complaints are no ward's evidence
      ['["department","Khoa Ngoại","quality"]', ['["department","Khoa Ngoại","quality"]', '["term","vi","thuốc"]'], ['w1', 'w2', 'w3', 'w4']],
      ['["department","Khoa Nhi","facility"]', ['["department","Khoa Nhi","facility"]'], ['n1', 'n2', 'n3', 'n4']],
    ]);
  });

  it('joins a place or a word seen only through another place or word of the problem', () => {
    // the word shares 2 of its 3 complaints with the car park, none with the lift's department cell
    const chained = signal('["term","zh","道闸"]', 'emerging_term', ['x', 'a', 'y'], 0.003);
    const [group, ...rest] = groupSignals([lift, carPark, chained], new Set());
    expect(rest).toEqual([]);
    expect(group!.members.map((m) => m.cell)).toEqual(['["department","后勤保障部","facility"]', '["location","地下停车场"]', '["term","zh","道闸"]']);
    expect(group!.records).toEqual(['a', 'b', 'c', 'x', 'd', 'e', 'f']);
  });

  it("keeps a whole category's complaints out when a narrower cell sees the problem, also when the category names it", () => {
    const facility = signal('["category","facility"]', 'spike', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], 0.03);
    const [group] = groupSignals([facility, lift], new Set(['["category","facility"]']));
    expect(group!.primary).toBe(facility);
    expect(group!.records).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('corroborated', () => {
  const settings = detectionDefaults;
  it('takes a problem seen through two views, or a cell already clearly up the week before', () => {
    const [both] = groupSignals([lift, carPark], new Set());
    expect(corroborated(both!, settings)).toBe(true);
    const [alone] = groupSignals([elsewhere], new Set());
    expect(corroborated(alone!, settings)).toBe(false);
    const [building] = groupSignals([{ ...elsewhere, previousPValue: 0.004 }], new Set());
    expect(corroborated(building!, settings)).toBe(true);
    // two words of one story are one view
    const [words] = groupSignals([word, signal('["term","zh","电梯"]', 'emerging_term', ['b', 'c', 'd'], 0.002)], new Set());
    expect(words!.members).toHaveLength(2);
    expect(corroborated(words!, settings)).toBe(false);
  });
});

describe('enoughToOpen', () => {
  const settings = detectionDefaults;
  it('opens a warning on a signal within openFdr whose complaints came on two days or more', () => {
    const [strong] = groupSignals([lift], new Set());
    expect(enoughToOpen(strong!, settings)).toBe(true);
    // four complaints passing the week's FDR of 5% only: chance clustering as often as a problem
    const [weak] = groupSignals([{ ...lift, qValue: 0.03 }, { ...carPark, qValue: 0.02 }], new Set());
    expect(enoughToOpen(weak!, settings)).toBe(false);
    expect(enoughToOpen(weak!, { ...settings, openFdr: 0.05 })).toBe(true);
    // a burst of one day, however strong, is one incident
    const [oneDay] = groupSignals([{ ...lift, days: ['2025-03-12'] }, { ...carPark, days: ['2025-03-12'] }], new Set());
    expect(enoughToOpen(oneDay!, settings)).toBe(false);
    expect(enoughToOpen(oneDay!, { ...settings, openDays: 1 })).toBe(true);
  });
});

describe('openDetectorCells', () => {
  it('maps every cell that signalled in an open detector warning to its id, and none of a resolved one or a sentinel', () => {
    const cell = (kind: 'spike' | 'hotspot', parts: string[]) => ({ kind, cell: parts, observed: 6, expected: 1, upperbound: 4, p_value: 0.001, q_value: 0.01, method: 'ears_c2' });
    const warning = (id: string, kind: Warning['kind'], signals: ReturnType<typeof cell>[]) => ({ id, kind, hospital: '江州市第一人民医院', signals, evidence_ids: [] }) as unknown as Warning;
    const history: WarningHistory = {
      log: [
        { id: 'W-open', firstAsOf: '2025-03-09', lastAsOf: '2025-03-16', resolvedAsOf: null },
        { id: 'W-gone', firstAsOf: '2025-02-09', lastAsOf: '2025-02-09', resolvedAsOf: '2025-02-16' },
        { id: 'W-sentinel', firstAsOf: '2025-03-16', lastAsOf: '2025-03-16', resolvedAsOf: null },
      ],
      published: new Map([
        ['W-open', warning('W-open', 'spike', [cell('spike', ['department', '后勤保障部', 'facility']), cell('hotspot', ['location', '地下停车场'])])],
        ['W-gone', warning('W-gone', 'hotspot', [cell('hotspot', ['location', '门诊大厅'])])],
        ['W-sentinel', warning('W-sentinel', 'sentinel', [])],
      ]),
    };
    expect(openDetectorCells(history)).toEqual(
      new Map([
        ['["江州市第一人民医院","department","后勤保障部","facility"]', 'W-open'],
        ['["江州市第一人民医院","location","地下停车场"]', 'W-open'],
      ]),
    );
  });
});
