import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { categoryFeatures, predictCategory, trainCategoryClassifier, type ClassifierModel } from './category-classifier.ts';
import { lexiconCategory, type Category, type CategoryScores, type LexiconCategory } from './category-lexicon.ts';
import { classificationReport } from './classification-metrics.ts';
import { LANGUAGES, type Language } from './types.ts';

const defaults = {
  /** Labelled records of a language below which its classifier is not trusted: the lexicon decides. */
  minLabelled: 200,
  /** The newest labelled records a classifier learns from: enough to learn, bounded at scale. */
  maxTraining: 200_000,
} as const;

interface ExampleRow {
  hospital: string;
  source: string;
  id: string;
  lang: Language;
  given_category: Category | null;
  terms: string[];
  lexicon_hits: LexiconCategory[];
  held_out: boolean;
}

/** How one language's records without a category were given one, and how well that did. */
export interface CategoryInferenceReport {
  lang: Language;
  method: 'classifier' | 'lexicon';
  labelled: number;
  inferred: number;
  /** Measured on the held-out labelled records, by the method used (trained without them). */
  held_out: number;
  macro_f1: number | null;
  per_category: Record<string, { precision: number; recall: number; support: number }>;
}

function lexiconScores(hits: readonly LexiconCategory[]): CategoryScores {
  const scores: CategoryScores = { process: 0, attitude: 0, quality: 0, cost: 0, facility: 0 };
  for (const hit of hits) scores[hit] += 1;
  return scores;
}

function features(row: ExampleRow): string[] {
  return categoryFeatures(row.terms, lexiconScores(row.lexicon_hits));
}

/** The lexicon's decision; with no evidence, `other`, the contract's category for what fits none. */
function byLexicon(row: ExampleRow): Category {
  return lexiconCategory(lexiconScores(row.lexicon_hits)) ?? 'other';
}

function train(rows: readonly ExampleRow[]): ClassifierModel<Category> {
  const examples = rows.slice(0, defaults.maxTraining).map((row) => ({ features: features(row), label: row.given_category! }));
  return trainCategoryClassifier(examples);
}

/**
 * Category inference: a record the source gave no category gets one.
 * Per language: where at least `minLabelled` records carry a given category, a softmax regression
 * learns from them (terms plus lexicon hits) and labels the rest; elsewhere the lexicon decides.
 * Precision and recall are measured on a fixed fifth of the labelled records, held out of a first
 * training; the model that labels records then learns from all of them. A given category is never
 * overwritten: only records without one are written to inferred_categories.
 */
export async function inferCategories(connection: DuckDBConnection, models: StepModels): Promise<CategoryInferenceReport[]> {
  await models.run('text/category_examples');
  const reports: CategoryInferenceReport[] = [];
  const inferred: { hospital: string; source: string; id: string; category: Category; probability: number | null; method: string }[] = [];
  for (const lang of LANGUAGES) {
    const rows = await queryRows<ExampleRow>(
      connection,
      'select hospital, source, id, lang, given_category, terms, lexicon_hits, held_out from category_examples where lang = $lang order by received_at desc, hospital, source, id',
      { lang },
    );
    if (rows.length === 0) continue;
    const labelled = rows.filter((row) => row.given_category !== null);
    const unlabelled = rows.filter((row) => row.given_category === null);
    const useClassifier = labelled.length >= defaults.minLabelled && new Set(labelled.map((row) => row.given_category)).size >= 2;
    const heldOut = labelled.filter((row) => row.held_out);
    let predictHeldOut: (row: ExampleRow) => Category = byLexicon;
    let predictRecord: (row: ExampleRow) => { category: Category; probability: number | null } = (row) => ({ category: byLexicon(row), probability: null });
    if (useClassifier) {
      const trial = train(labelled.filter((row) => !row.held_out));
      predictHeldOut = (row) => predictCategory(trial, features(row)).label;
      const model = train(labelled);
      predictRecord = (row) => {
        const prediction = predictCategory(model, features(row));
        return { category: prediction.label, probability: prediction.probability };
      };
    }
    const method = useClassifier ? 'classifier' : 'lexicon';
    for (const row of unlabelled) inferred.push({ hospital: row.hospital, source: row.source, id: row.id, ...predictRecord(row), method });
    reports.push(heldOutReport(lang, method, labelled.length, unlabelled.length, heldOut, predictHeldOut));
  }
  await inTransaction(connection, async () => {
    await connection.run('delete from inferred_categories');
    const appender = await connection.createAppender('inferred_categories');
    for (const row of inferred) {
      appender.appendVarchar(row.source);
      appender.appendVarchar(row.id);
      appender.appendVarchar(row.category);
      if (row.probability === null) appender.appendNull();
      else appender.appendDouble(row.probability);
      appender.appendVarchar(row.method);
      appender.appendVarchar(row.hospital);
      appender.endRow();
    }
    appender.closeSync();
  });
  return reports;
}

function heldOutReport(
  lang: Language,
  method: 'classifier' | 'lexicon',
  labelled: number,
  inferred: number,
  heldOut: readonly ExampleRow[],
  predict: (row: ExampleRow) => Category,
): CategoryInferenceReport {
  const base = { lang, method, labelled, inferred, held_out: heldOut.length };
  if (heldOut.length === 0) return { ...base, macro_f1: null, per_category: {} };
  const report = classificationReport(
    heldOut.map((row) => row.given_category!),
    heldOut.map(predict),
  );
  const perCategory = Object.fromEntries(
    report.classes.map((c) => [c.label, { precision: c.precision, recall: c.recall, support: c.support }]),
  );
  return { ...base, macro_f1: report.macroF1, per_category: perCategory };
}
