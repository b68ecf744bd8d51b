import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatKindScoreTable } from '../../pipeline/publish/evaluation-file.ts';
import type { KindScore } from '../../pipeline/warnings/kind-evaluation.ts';
import { readPlantedTruth } from '../../pipeline/warnings/planted-truth.ts';

const rise: KindScore = Object.freeze({ kind: 'rise', hospital: null, planted: 9, found: 9, recall: 1, warnings: 13, pointing: 11, precision: 11 / 13, decoyHits: 0, falseAlarmsPer100: 2 / 30, medianDelayDays: 13 });
const sentinel: KindScore = Object.freeze({ kind: 'sentinel', hospital: 'Kingsmere', planted: 0, found: 0, recall: null, warnings: 2, pointing: 0, precision: null, decoyHits: 1, falseAlarmsPer100: null, medianDelayDays: null });

describe('formatKindScoreTable', () => {
  it('writes counts with their share, and "–" where a measure is not defined (hand-worked: 11/13 = 85%, 2 per 3,000 cell-weeks = 0.067 per 100)', () => {
    expect(formatKindScoreTable([rise, sentinel], 'en').split('\n')).toEqual([
      '| Warning | Hospital | Found in time | About a planted problem (precision) | At a decoy | False alarms per 100 cell-weeks | Median days to the warning |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| Complaints rising sharply | All hospitals | 9 of 9 (100%) | 11 of 13 (85%) | 0 | 0.067 | 13 |',
      '| Serious event reported | Kingsmere | – | – | 1 | – | – |',
      '',
    ]);
  });

  it('is in the reader’s language', () => {
    expect(formatKindScoreTable([rise], 'zh').split('\n')[2]).toBe('| 投诉量骤增 | 全部医院 | 9/9 (100%) | 11/13 (85%) | 0 | 0.067 | 13 |');
    expect(formatKindScoreTable([rise], 'vi').split('\n')[0]).toBe(
      '| Cảnh báo | Bệnh viện | Phát hiện kịp thời | Chỉ đúng vấn đề được cài (độ chính xác) | Trúng mồi nhử | Cảnh báo sai trên 100 ô-tuần | Số ngày đến khi cảnh báo (trung vị) |',
    );
    expect(formatKindScoreTable([rise], 'vi').split('\n')[2]).toBe('| Khiếu nại tăng đột biến | Tất cả bệnh viện | 9/9 (100%) | 11/13 (85%) | 0 | 0,067 | 13 |');
  });
});

describe('readPlantedTruth', () => {
  it('reads the generated sample’s truth: its problems, serious events, and both lists of decoys', async () => {
    const truth = await readPlantedTruth(resolve(import.meta.dirname, '../../data/sample/planted.json'), 'en');
    expect(truth.planted).toHaveLength(9);
    expect(truth.sentinels).toHaveLength(7);
    expect(truth.decoys.map((decoy) => decoy.id)).toEqual(expect.arrayContaining(['uk-ae-steady', 'vn-one-day-blip', 'cn-harmless-fall']));
    expect(truth.planted.find((problem) => problem.id === 'vn-orthopaedics-renovation')?.survey).toMatchObject({ department: 'Khoa Ngoại chấn thương', section: 'C' });
  });

  it('refuses a file that is not one, in one line with exit 2', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearken-truth-'));
    writeFileSync(join(folder, 'bad.json'), '{"planted": [{"id": "p", "hospital": "h", "onset": "soon", "record_ids": []}]}');
    writeFileSync(join(folder, 'text.json'), 'id,text\n');
    await expect(readPlantedTruth(join(folder, 'bad.json'), 'en')).rejects.toMatchObject({ exitCode: 2, message: `--truth ${join(folder, 'bad.json')}: planted.0.onset: a date YYYY-MM-DD` });
    await expect(readPlantedTruth(join(folder, 'text.json'), 'en')).rejects.toMatchObject({ exitCode: 2, message: `--truth ${join(folder, 'text.json')}: is not valid JSON` });
    await expect(readPlantedTruth(join(folder, 'none.json'), 'en')).rejects.toMatchObject({ exitCode: 2, message: `--truth ${join(folder, 'none.json')}: cannot be read` });
  });
});
