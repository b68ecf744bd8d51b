import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, queryRows, type Warehouse } from '../../pipeline/db.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { categoryFeatures, trainCategoryClassifier } from '../../pipeline/text/category-classifier.ts';
import { LEXICON_CATEGORIES, type CategoryScores, type LexiconCategory } from '../../pipeline/text/category-lexicon.ts';
import { inferCategories, type CategoryInferenceReport } from '../../pipeline/text/categories.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { categoryFeedbackCsv } from '../support/category-feedback.ts';

// The workspace holds English records (categoryFeedbackCsv), half process and half attitude: 240 labelled and
// 20 without a category, on 28 days, so that many share a received_at and the key breaks the tie.
let ws: Workspace;
let warehouse: Warehouse;
let wholeReport: CategoryInferenceReport;

const english = (reports: CategoryInferenceReport[]) => reports.find((report) => report.lang === 'en')!;

/** Category inference trained afresh with the given sizes: its report, its stored model and its labels. */
async function inferFresh(sizes: { maxTraining: number; pageRecords: number }) {
  await warehouse.connection.run('delete from category_classifiers');
  const report = english(await inferCategories(warehouse.connection, modelsOfStep(warehouse.connection, 'text', 'inferCategories'), sizes));
  const [stored] = await queryRows<{ model: string }>(warehouse.connection, "select model::varchar as model from category_classifiers where lang = 'en'");
  const inferred = await queryRows(warehouse.connection, 'select source, id, category, probability, method from inferred_categories order by id');
  return { report, model: JSON.parse(stored!.model) as unknown, inferred };
}

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('feedback.csv', categoryFeedbackCsv(240, 20));
  const { summary } = await ws.run();
  wholeReport = english(summary.text.categories);
  warehouse = await openWarehouse(ws.db);
}, 120_000);
afterAll(async () => {
  warehouse?.close();
  await ws.dispose();
});

describe('category inference a page at a time', () => {
  it('gives the same report, model and labels in pages of 7 records as in one page', async () => {
    const paged = await inferFresh({ maxTraining: 100, pageRecords: 7 });
    const whole = await inferFresh({ maxTraining: 100, pageRecords: 1000 });
    expect(paged).toEqual(whole);
    expect(paged.inferred).toHaveLength(20);
  });

  it('trains on the newest maxTraining labelled records and measures on every held-out one', async () => {
    const { report, model } = await inferFresh({ maxTraining: 100, pageRecords: 7 });
    // the newest 100 labelled records (newest first, ties by key), their features built here
    const newest = await queryRows<{ terms: string[]; hits: LexiconCategory[]; label: string }>(
      warehouse.connection,
      `select
           coalesce((select list(term order by term) from record_terms as terms where terms.hospital = records.hospital and terms.source = records.source and terms.id = records.id), []) as terms,
           analyses.lexicon_hits as hits,
           records.category::varchar as label
       from feedback_records as records
       inner join text_analyses as analyses using (hospital, source, id, content_hash)
       where records.category is not null
       order by records.received_at desc, records.hospital, records.source, records.id
       limit 100`,
    );
    const examples = newest.map(({ terms, hits, label }) => {
      const scores = Object.fromEntries(LEXICON_CATEGORIES.map((category) => [category, hits.filter((hit) => hit === category).length])) as CategoryScores;
      return { features: categoryFeatures(terms, scores), label };
    });
    expect(model).toEqual(trainCategoryClassifier(examples));
    expect(model).toMatchObject({ examples: 100 });
    // the trial learned from fewer records, but every held-out one of the 240 is measured
    expect(report.held_out).toBe(wholeReport.held_out);
    expect(report.held_out).toBeGreaterThan(0);
    expect(report).toMatchObject({ method: 'classifier', labelled: 240, inferred: 20 });
  });
});
