import { describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import type { StepModels } from '../../pipeline/plan.ts';
import { currentLearnedStatistics } from '../../pipeline/text/learned-statistics.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

const db = modelWarehouse({ models: [] });

/** Runs currentLearnedStatistics on the test warehouse: the models it ran, in order. */
async function modelsRun(): Promise<string[]> {
  const ran: string[] = [];
  const models: StepModels = {
    run: async (model) => {
      ran.push(model);
      await runModel(db().connection, model);
    },
    sql: () => {
      throw new Error('not asked for');
    },
  };
  await currentLearnedStatistics(db().connection, models);
  return ran;
}

const learnedFrom = async () => db().query<{ lang: string; learned_from: number }>('select lang, learned_from from learned_text_statistics order by lang');

/** `count` English records from number `from` on (record 0 is Vietnamese: a corpus of one). */
async function addRecords(from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const text = i === 0 ? 'Nhà vệ sinh bẩn quá' : `the car park was full again, record ${i}`;
    await db().connection.run(
      "insert into feedback_records (source, id, received_at, channel, kind, department_raw, text_raw, content_hash, file_id, file_row) values ('f.csv', $id, timestamp '2025-06-01 08:00' + to_minutes($i), 'hotline', 'complaint', 'Emergency Department', $text, $i, 1, $i)",
      { id: `R${i}`, i, text },
    );
  }
}

describe('learned text statistics', () => {
  it('count each corpus, and read its texts only where a language learns: first, and again once its corpus has doubled', async () => {
    await addRecords(0, 4);
    expect(await modelsRun()).toEqual(['text/learning_corpus_size', 'text/learning_corpus']);
    expect(await learnedFrom()).toEqual([
      { lang: 'en', learned_from: 3 },
      { lang: 'vi', learned_from: 1 },
    ]);
    // 3 → 5 English records: less than double, nothing learned, no text read
    await addRecords(4, 2);
    expect(await modelsRun()).toEqual(['text/learning_corpus_size']);
    expect((await learnedFrom()).map((row) => row.learned_from)).toEqual([3, 1]);
    // 3 → 6: doubled, English learns again from all six; Vietnamese keeps what it learned
    await addRecords(6, 1);
    expect(await modelsRun()).toEqual(['text/learning_corpus_size', 'text/learning_corpus']);
    expect((await learnedFrom()).map((row) => row.learned_from)).toEqual([6, 1]);
  });

  it('are not even counted while no corpus can have doubled: every language learned from more than half the records stored', async () => {
    const sizes = () => db().query('select lang, records::integer as records, relearn from learning_corpus_size order by lang');
    // 7 records (1 Vietnamese, 6 English); each language learned from 4: 7 < 2 × 4, so the bound 7 stands for every count
    await db().connection.run("update learned_text_statistics set learned_from = 4; insert into learned_text_statistics values ('zh', '[]', 4)");
    expect(await modelsRun()).toEqual(['text/learning_corpus_size']);
    expect(await sizes()).toEqual([
      { lang: 'en', records: 7, relearn: false },
      { lang: 'vi', records: 7, relearn: false },
      { lang: 'zh', records: 7, relearn: false },
    ]);
    // 8 records: 8 = 2 × 4, one language could have doubled: counted (7 English, 1 Vietnamese, no Chinese), none has
    await addRecords(7, 1);
    expect(await modelsRun()).toEqual(['text/learning_corpus_size']);
    expect(await sizes()).toEqual([
      { lang: 'en', records: 7, relearn: false },
      { lang: 'vi', records: 1, relearn: false },
    ]);
  });
});
