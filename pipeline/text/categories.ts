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

/**
 * Trains a language's classifier: measured on the held-out fifth by a trial trained without it,
 * then trained on all labelled records (each at most `maxTraining`). The two share their records'
 * features, built and hashed once.
 */
function trainClassifier(labelled: readonly ExampleRow[]): Classifier {
  const examples = labelled.map((row) => ({ features: features(row), label: row.given_category! }));
  const indices = [...labelled.keys()];
  const [trial, model] = trainCategoryClassifiersOn(examples, [
    indices.filter((i) => !labelled[i]!.held_out).slice(0, defaults.maxTraining),
    indices.slice(0, defaults.maxTraining),
  ]);
  const featuresOf = new Map(labelled.map((row, i) => [row, examples[i]!.features]));
  const heldOut = heldOutMetrics(labelled.filter((row) => row.held_out), (row) => predictCategory(trial!, featuresOf.get(row)!).label);
  return { model: model!, heldOut };
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
 */
export async function inferCategories(connection: DuckDBConnection, models: StepModels): Promise<CategoryInferenceReport[]> {
  await models.run('text/category_examples');
  const reports: CategoryInferenceReport[] = [];
  const inferred: (Pick<ExampleRow, 'hospital' | 'source' | 'id' | 'content_hash' | 'analyzer'> & { category: Category; probability: number | null; method: string })[] = [];
  const trained: (Classifier & { lang: Language; labelled: number })[] = [];
  const reused: Language[] = [];
  for (const lang of LANGUAGES) {
    const [counts] = await queryRows<{ records: number; labelled: number; categories: number }>(
      connection,
      'select count(*) as records, count(given_category) as labelled, count(distinct given_category) as categories from category_examples where lang = $lang',
      { lang },
    );
    if (counts === undefined || counts.records === 0) continue;
    const useClassifier = counts.labelled >= defaults.minLabelled && counts.categories >= 2;
    const stored = useClassifier ? await storedClassifier(connection, models, lang, counts.labelled) : null;
    if (stored !== null) reused.push(lang);
    // a stored classifier needs only the records it has yet to label; a training, or the lexicon's held-out fifth, the labelled ones too
    const rows = await queryRows<ExampleRow>(connection, models.sql('text/category_rows'), { lang, labelled: stored === null });
    const labelled = rows.filter((row) => row.given_category !== null);
    const unlabelled = rows.filter((row) => row.given_category === null);
    let heldOut: HeldOutMetrics;
    let predictRecord: (row: ExampleRow) => { category: Category; probability: number | null } = (row) => ({ category: byLexicon(row), probability: null });
    if (useClassifier) {
      let classifier = stored;
      if (classifier === null) {
        classifier = trainClassifier(labelled);
        trained.push({ lang, labelled: labelled.length, ...classifier });
      }
      const { model } = classifier;
      heldOut = classifier.heldOut;
      predictRecord = (row) => {
        const prediction = predictCategory(model, features(row));
        return { category: prediction.label, probability: prediction.probability };
      };
    } else {
      heldOut = heldOutMetrics(labelled.filter((row) => row.held_out), byLexicon);
    }
    const method = useClassifier ? 'classifier' : 'lexicon';
    for (const row of unlabelled) {
      inferred.push({ hospital: row.hospital, source: row.source, id: row.id, content_hash: row.content_hash, analyzer: row.analyzer, ...predictRecord(row), method });
    }
    reports.push({ lang, method, labelled: counts.labelled, inferred: counts.records - counts.labelled, ...heldOut });
  }
  await inTransaction(connection, async () => {
    for (const { lang, labelled, model, heldOut } of trained) {
      await connection.run('insert or replace into category_classifiers values ($lang, $labelled, current_date, $model::json, $heldOut::json)', {
        lang,
        labelled,
        model: JSON.stringify(model),
        heldOut: JSON.stringify(heldOut),
      });
    }
    await connection.run(models.sql('text/clear_inferred_categories'), { kept: listValue(reused) }, { kept: LIST(VARCHAR) });
    const appender = await connection.createAppender('inferred_categories');
    for (const row of inferred) {
      appender.appendVarchar(row.source);
      appender.appendVarchar(row.id);
      appender.appendVarchar(row.category);
      if (row.probability === null) appender.appendNull();
      else appender.appendDouble(row.probability);
      appender.appendVarchar(row.method);
      appender.appendVarchar(row.hospital);
      appender.appendUBigInt(BigInt(row.content_hash));
      appender.appendVarchar(row.analyzer);
      appender.endRow();
    }
    appender.closeSync();
  });
  return reports;
}

function heldOutMetrics(heldOut: readonly ExampleRow[], predict: (row: ExampleRow) => Category): HeldOutMetrics {
  const base = { held_out: heldOut.length };
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
