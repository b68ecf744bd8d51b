import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, queryRows, type Warehouse } from '../../pipeline/db.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { inferCategories, type CategoryInferenceReport } from '../../pipeline/text/categories.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { categoryFeedbackCsv } from '../support/category-feedback.ts';

// The workspace holds English records (categoryFeedbackCsv), half process and half attitude: 240 labelled,
// past the 200 a classifier needs, and 20 without a category for it to infer.
let ws: Workspace;
let warehouse: Warehouse;
let firstReport: CategoryInferenceReport;
let firstInferred: unknown[];

const inferredRows = () => queryRows(warehouse.connection, 'select source, id, category, probability, method from inferred_categories order by id');
const storedRow = async () => (await queryRows<{ labelled: number; model: string }>(warehouse.connection, "select labelled, model::varchar as model from category_classifiers where lang = 'en'"))[0]!;
const english = (reports: CategoryInferenceReport[]) => reports.find((report) => report.lang === 'en')!;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('feedback.csv', categoryFeedbackCsv(240, 20));
  const { summary } = await ws.run();
  firstReport = english(summary.text.categories);
  warehouse = await openWarehouse(ws.db);
  firstInferred = await inferredRows();
}, 120_000);
afterAll(async () => {
  warehouse?.close();
  await ws.dispose();
});

/** Category inference again on the same records, after the stored classifier's row is changed by `update`. */
async function inferAfter(update: string): Promise<CategoryInferenceReport> {
  await warehouse.connection.run(`update category_classifiers set ${update} where lang = 'en'`);
  return english(await inferCategories(warehouse.connection, modelsOfStep(warehouse.connection, 'text', 'inferCategories')));
}

describe('category classifier kept between runs', () => {
  it('is trained on the first run and stored with the labelled records it learned from', async () => {
    expect(firstReport).toMatchObject({ method: 'classifier', labelled: 240, inferred: 20 });
    expect((await storedRow()).labelled).toBe(240);
  });

  it('is reused while the labelled records are at most a tenth more than it learned from: the same labels and held-out metrics', async () => {
    // 240 labelled now, 220 when stored: 240 ≤ 220 × 1.1 = 242
    const before = await storedRow();
    const report = await inferAfter('labelled = 220');
    expect(await storedRow()).toEqual({ ...before, labelled: 220 });
    expect(report).toEqual(firstReport);
    expect(await inferredRows()).toEqual(firstInferred);
  });

  it('reused, labels only the records it has not labelled in the analysis they have now: the other labels stay as stored', async () => {
    // every label marked (a label written again loses its mark): R245's as it is, R250's as if
    // inferred from another analyzer's terms, R255's from an older version of the record; R258's gone
    await warehouse.connection.run(`
      update inferred_categories set probability = -1 where id in ('R245', 'R250', 'R255');
      update inferred_categories set analyzer = 'another analyzer' where id = 'R250';
      update inferred_categories set content_hash = content_hash + 1 where id = 'R255';
      delete from inferred_categories where id = 'R258';
    `);
    const report = await inferAfter('labelled = 240');
    expect(report).toEqual(firstReport);
    const marked = firstInferred.map((row) => ((row as { id: string }).id === 'R245' ? { ...(row as object), probability: -1 } : row));
    expect(await inferredRows()).toEqual(marked);
  });

  it('is trained again once they grew by more than a tenth, shrank, or it is 30 days old; trained alike, it labels alike', async () => {
    for (const update of ['labelled = 218', 'labelled = 241', 'trained_on = current_date - 30']) {
      // 240 > 218 × 1.1 = 239.8; 240 < 241; trained on the day 30 days ago
      const report = await inferAfter(update);
      expect((await storedRow()).labelled, update).toBe(240);
      expect(report, update).toEqual(firstReport);
      expect(await inferredRows(), update).toEqual(firstInferred);
    }
  });
});
