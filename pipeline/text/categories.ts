import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { isDeepStrictEqual } from 'node:util';
import { categoryFeatures, classifierOptions, predictCategory, trainCategoryClassifiersOn, type ClassifierModel } from './category-classifier.ts';
import { lexiconCategory, type Category, type CategoryScores, type LexiconCategory } from './category-lexicon.ts';
import { classificationReport } from './classification-metrics.ts';
import { LANGUAGES, type Language } from './types.ts';

const defaults = {
  /** Labelled records of a language below which its classifier is not trusted: the lexicon decides. */
  minLabelled: 200,
  /** The newest labelled records a classifier learns from: enough to learn, bounded at scale. */
  maxTraining: 200_000,
  /** Records of category_rows read at a time: a page, not a language's records, is held in memory. */
  pageRecords: 20_000,
  /** A stored classifier is trained again once its language's labelled records grew by more than this share, */
  retrainGrowth: 0.1,
  /** or once it is this many days old. */
  retrainDays: 30,
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
  /** The analysis the row was read from (text_analyses), kept with its inferred category. */
  content_hash: bigint | number;
  analyzer: string;
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

/** What the held-out fifth measured of a classifier: kept with it, so a reused classifier reports what it scored. */
type HeldOutMetrics = Pick<CategoryInferenceReport, 'held_out' | 'macro_f1' | 'per_category'>;

interface Classifier {
  model: ClassifierModel<Category>;
  heldOut: HeldOutMetrics;
}

/**
 * The classifier stored for a language, if its training set has not meaningfully changed: the
 * labelled records at most `retrainGrowth` more than it learned from (and not fewer), trained
 * within `retrainDays`, with today's options. Training twice (held-out trial, then all) is most
 * of the stage, and a day's few new records would barely move the model.
 */
async function storedClassifier(connection: DuckDBConnection, models: StepModels, lang: Language, labelled: number): Promise<Classifier | null> {
  const [stored] = await queryRows<{ model: string; held_out: string }>(connection, models.sql('text/reusable_category_classifier'), {
    lang,
    labelled,
    growth: defaults.retrainGrowth,
    days: defaults.retrainDays,
  });
  if (stored === undefined) return null;
  const model = JSON.parse(stored.model) as ClassifierModel<Category>;
  return isDeepStrictEqual(model.options, classifierOptions()) ? { model, heldOut: JSON.parse(stored.held_out) as HeldOutMetrics } : null;
}

/** One pass over the language's category_rows (`records` of them), a page at a time, in their order: the labelled ones (`training`), or those labelled or measured on. */
async function* categoryRowPages(connection: DuckDBConnection, models: StepModels, records: number, training: boolean, pageRecords: number): AsyncGenerator<ExampleRow[]> {
  for (let first = 1; first <= records; first += pageRecords) {
    yield await queryRows<ExampleRow>(connection, models.sql('text/category_rows_page'), { first, last: first + pageRecords - 1, training });
  }
}

/**
 * Trains a language's classifier from its labelled records, newest first (`labelled`), read until
 * both trainings have theirs: a held-out trial trained without the held-out fifth, on the newest
 * `maxTraining` others, and the model trained on the newest `maxTraining` of all. The two share
 * their records' features, built and hashed once.
 */
async function trainClassifier(labelled: AsyncIterable<ExampleRow[]>, maxTraining: number): Promise<{ trial: ClassifierModel<Category>; model: ClassifierModel<Category> }> {
  const examples: { features: string[]; label: Category }[] = [];
  const trialExamples: number[] = [];
  for await (const page of labelled) {
    for (const row of page) {
      if (!row.held_out && trialExamples.length < maxTraining) trialExamples.push(examples.length);
      examples.push({ features: features(row), label: row.given_category! });
    }
    if (examples.length >= maxTraining && trialExamples.length >= maxTraining) break;
  }
  const [trial, model] = trainCategoryClassifiersOn(examples, [trialExamples, [...examples.keys()].slice(0, maxTraining)]);
  return { trial: trial!, model: model! };
}

/** How category inference treats a language: counted in category_examples, with its stored classifier if one is reused. */
interface LanguagePlan {
  lang: Language;
  records: number;
  labelled: number;
  useClassifier: boolean;
  stored: Classifier | null;
}

async function languagePlans(connection: DuckDBConnection, models: StepModels): Promise<LanguagePlan[]> {
  const plans: LanguagePlan[] = [];
  for (const lang of LANGUAGES) {
    const [counts] = await queryRows<{ records: number; labelled: number; categories: number }>(
      connection,
      'select count(*) as records, count(given_category) as labelled, count(distinct given_category) as categories from category_examples where lang = $lang',
      { lang },
    );
    if (counts === undefined || counts.records === 0) continue;
    const useClassifier = counts.labelled >= defaults.minLabelled && counts.categories >= 2;
    const stored = useClassifier ? await storedClassifier(connection, models, lang, counts.labelled) : null;
    plans.push({ lang, records: counts.records, labelled: counts.labelled, useClassifier, stored });
  }
  return plans;
}

/**
 * Category inference: a record the source gave no category gets one.
 * Per language: where at least `minLabelled` records carry a given category, a softmax regression
 * learns from them (terms plus lexicon hits) and labels the rest; elsewhere the lexicon decides.
 * Precision and recall are measured on a fixed fifth of the labelled records, held out of a first
 * training; the model that labels records then learns from all of them. Both are kept in
 * category_classifiers and reused while the training set has not meaningfully changed
 * (storedClassifier); a reused classifier labels only the records it has not labelled in the
 * analysis they have now, as its label of an unchanged analysis would be the same. A given
 * category is never overwritten: only records without one are written to inferred_categories.
 * The records are read a page at a time (category_rows_page), in a pass that trains and one that
 * labels and measures, so memory holds a training set and a page, not a language's records.
 * `sizes` (the defaults) are for tests: a training cut short, and several pages, on few records.
 */
export async function inferCategories(connection: DuckDBConnection, models: StepModels, sizes: { maxTraining: number; pageRecords: number } = defaults): Promise<CategoryInferenceReport[]> {
  await models.run('text/category_examples');
  const plans = await languagePlans(connection, models);
  const reused = plans.filter((plan) => plan.stored !== null).map((plan) => plan.lang);
  const reports: CategoryInferenceReport[] = [];
  await inTransaction(connection, async () => {
    await connection.run(models.sql('text/clear_inferred_categories'), { kept: listValue(reused) }, { kept: LIST(VARCHAR) });
    for (const { lang, records, labelled, useClassifier, stored } of plans) {
      // a stored classifier needs only the records it has yet to label; a training, or the lexicon's held-out fifth, the labelled ones too
      await connection.run(models.sql('text/category_rows'), { lang, labelled: stored === null });
      const [{ rows } = { rows: 0 }] = await queryRows<{ rows: number }>(connection, 'select count(*) as rows from category_rows');
      const trained = useClassifier && stored === null ? await trainClassifier(categoryRowPages(connection, models, rows, true, sizes.pageRecords), sizes.maxTraining) : null;
      const model = trained?.model ?? stored?.model;
      const label = (row: ExampleRow): { category: Category; probability: number | null } => {
        if (model === undefined) return { category: byLexicon(row), probability: null };
        const prediction = predictCategory(model, features(row));
        return { category: prediction.label, probability: prediction.probability };
      };
      const method = useClassifier ? 'classifier' : 'lexicon';
      // the held-out records' true and measured categories (the trial's, or the lexicon's)
      const truth: Category[] = [];
      const measured: Category[] = [];
      for await (const page of categoryRowPages(connection, models, rows, false, sizes.pageRecords)) {
        const inferred: { row: ExampleRow; category: Category; probability: number | null }[] = [];
        for (const row of page) {
          if (row.given_category === null) inferred.push({ row, ...label(row) });
          else {
            truth.push(row.given_category);
            measured.push(trained === null ? byLexicon(row) : predictCategory(trained.trial, features(row)).label);
          }
        }
        await appendInferred(connection, models, inferred, method);
      }
      const heldOut = stored?.heldOut ?? heldOutMetrics(truth, measured);
      if (trained !== null) {
        await connection.run('insert or replace into category_classifiers values ($lang, $labelled, current_date, $model::json, $heldOut::json)', {
          lang,
          labelled,
          model: JSON.stringify(trained.model),
          heldOut: JSON.stringify(heldOut),
        });
      }
      reports.push({ lang, method, labelled, inferred: records - labelled, ...heldOut });
    }
  });
  await models.run('text/drop_category_scratch');
  return reports;
}

/**
 * One page's inferred categories into inferred_categories, with the analysis each was inferred
 * from. Appended to a working table of a known column order (inferred_page) and inserted by name:
 * a warehouse upgraded in place has its later columns in the order they were added.
 */
async function appendInferred(connection: DuckDBConnection, models: StepModels, inferred: readonly { row: ExampleRow; category: Category; probability: number | null }[], method: string): Promise<void> {
  await models.run('text/inferred_page');
  const appender = await connection.createAppender('inferred_page', 'main', 'temp');
  for (const { row, category, probability } of inferred) {
    appender.appendVarchar(row.source);
    appender.appendVarchar(row.id);
    appender.appendVarchar(category);
    if (probability === null) appender.appendNull();
    else appender.appendDouble(probability);
    appender.appendVarchar(method);
    appender.appendVarchar(row.hospital);
    appender.appendUBigInt(BigInt(row.content_hash));
    appender.appendVarchar(row.analyzer);
    appender.endRow();
  }
  appender.closeSync();
  await models.run('text/store_inferred_page');
}

function heldOutMetrics(truth: readonly Category[], measured: readonly Category[]): HeldOutMetrics {
  const base = { held_out: truth.length };
  if (truth.length === 0) return { ...base, macro_f1: null, per_category: {} };
  const report = classificationReport(truth, measured);
  const perCategory = Object.fromEntries(
    report.classes.map((c) => [c.label, { precision: c.precision, recall: c.recall, support: c.support }]),
  );
  return { ...base, macro_f1: report.macroF1, per_category: perCategory };
}
