import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestFile } from '../../pipeline/backtest.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { publishedTexts } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// One fall with a fracture (Chinese, with a phone number), one fall from a bed (Vietnamese), and
// decoys of the same words: 累死了, a fall at home before admission, a negated fall, a praise.
// Asia/Shanghai, so the CN calendar: 国庆节 makes 1–8 October 2025 holidays.
const CSV = [
  'id,received_at,department,category,kind,text',
  'S1,2025-09-29 10:00,骨科,,complaint,老人上厕所时摔了一跤骨折了，护工当时不在。联系电话13812345678',
  'S2,2025-09-29 15:00,Khoa Nội,,complaint,Mẹ tôi bị ngã từ giường xuống đất lúc nửa đêm.',
  'D1,2025-09-29 11:00,门诊部,process,complaint,排队排了三个小时，累死了。',
  'D2,2025-09-29 12:00,骨科,process,complaint,老人在家摔倒后来我院骨科就诊，排队三个小时。',
  'D3,2025-09-29 13:00,Khoa Nội,facility,complaint,Tôi không bị ngã nhưng sàn rất trơn.',
  'D4,2025-09-29 14:00,儿科,,praise,护士很耐心，谢谢。',
  'S3,2025-09-29 16:00,Geriatrics,,complaint,Patient Mary Jones went missing from the ward overnight.',
].join('\n');

let ws: Workspace;
const warningsOf = (): WarningsFile => JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile;
const NOW = new Date('2025-10-31T04:00:00Z');
const runAsOf = (asOf: string) => ws.run({ asOf, lang: 'zh' }, NOW);
const sentinels = () => warningsOf().warnings.filter((w) => w.kind === 'sentinel');

beforeEach(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
});
afterEach(async () => {
  await ws.dispose();
});

// the first run, as of 30 September, made once: a test reads it in `ws`, or goes on from a copy of it
let firstRun: Workspace;
beforeAll(async () => {
  firstRun = await createWorkspace();
  await firstRun.write('complaints.csv', CSV);
  await firstRun.run({ asOf: '2025-09-30', lang: 'zh' }, NOW);
});
afterAll(async () => {
  await firstRun.dispose();
});
async function fromFirstRun(): Promise<void> {
  await ws.dispose();
  ws = await firstRun.copy();
}

describe('sentinel warnings of hearken run', () => {
  it('raise one high warning per serious record in the first run, whatever the counts, and none for the decoys', async () => {
    await fromFirstRun();
    const raised = sentinels().sort((a, b) => a.evidence_ids[0]!.localeCompare(b.evidence_ids[0]!));
    expect(raised.map((w) => [w.evidence_ids, w.department, w.event_class, w.severity, w.status, w.due_date, w.keywords])).toEqual([
      [['S1'], '骨科', 'fall', 'high', 'new', '2025-10-09', ['摔…骨折']],
      [['S2'], 'Khoa Nội', 'fall', 'high', 'new', '2025-10-09', ['bị ngã']],
      // the phrase as the redacted text has it: the raw text's match spans the patient's name
      [['S3'], 'Geriatrics', 'missing_patient', 'high', 'new', '2025-10-09', ['went missing from the ward']],
    ]);
    expect(raised[0]!.summary).toBe('骨科：2025-09-29 收到的记录（S1）反映可能发生跌倒坠床：“摔…骨折”。');
    expect(raised[0]!.quotes).toEqual(['老人上厕所时摔了一跤骨折了，护工当时不在。联系电话[phone]']);
  });

  it('publish nothing of the raw text, and show the warning on the site in the site’s language', async () => {
    await fromFirstRun();
    const published = await publishedTexts(ws);
    expect(Object.entries(published).filter(([, text]) => text.includes('13812345678') || text.includes('Mary Jones')).map(([path]) => path)).toEqual([]);
    expect(Object.entries(published).some(([path, text]) => path.endsWith('.html') && text.includes('严重事件') && text.includes('跌倒坠床'))).toBe(true);
  });

  it('keep their id, ongoing while recent, then resolved once', async () => {
    await fromFirstRun();
    const first = sentinels();
    await runAsOf('2025-10-06');
    expect(sentinels().map((w) => [w.id, w.status, w.due_date])).toEqual(first.map((w) => [w.id, 'ongoing', '2025-10-09']));
    await runAsOf('2025-10-07');
    expect(sentinels().map((w) => [w.id, w.status])).toEqual(first.map((w) => [w.id, 'resolved']));
    await runAsOf('2025-10-08');
    expect(sentinels()).toEqual([]);
  });

  it('raise a record that arrives late in the first run that sees it', async () => {
    await runAsOf('2025-10-20');
    expect(sentinels().map((w) => [w.evidence_ids[0], w.status, w.due_date]).sort()).toEqual([
      ['S1', 'new', '2025-10-21'],
      ['S2', 'new', '2025-10-21'],
      ['S3', 'new', '2025-10-21'],
    ]);
  });
});

describe('sentinels in hearken backtest', () => {
  it('appear in the run of the week that first sees their record, new, and resolved the week after', async () => {
    const out = join(ws.root, 'backtest.json');
    await runBacktest(ws.config({ lang: 'en' }), { from: '2025-09-22', to: '2025-10-13', out, warehouse: null }, silentProgress, NOW);
    const file = JSON.parse(readFileSync(out, 'utf8')) as BacktestFile;
    const replayed = file.warnings.filter((w) => w.kind === 'sentinel').map((w) => [w.as_of, w.evidence_ids[0], w.status, w.due_date]);
    expect(replayed.sort()).toEqual([
      ['2025-10-05', 'S1', 'new', '2025-10-09'],
      ['2025-10-05', 'S2', 'new', '2025-10-09'],
      ['2025-10-05', 'S3', 'new', '2025-10-09'],
      ['2025-10-12', 'S1', 'resolved', '2025-10-09'],
      ['2025-10-12', 'S2', 'resolved', '2025-10-09'],
      ['2025-10-12', 'S3', 'resolved', '2025-10-09'],
    ]);
  });
});
