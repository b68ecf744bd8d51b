/**
 * Category inference on real labelled feedback: 7,908 NHS Friends and Family Test comments from
 * pxtextmining (v6 framework, 50 one-hot topic labels by human labellers), mapped onto hearken's
 * categories. The mapping and how rows with several labels are resolved are documented in
 * data/text/categories/README.md; keep the two in step.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoryFeatures, predictCategory, trainCategoryClassifier } from '../../pipeline/text/category-classifier.ts';
import {
  compileCategoryLexicon,
  lexiconCategory,
  readShippedCategoryLexicon,
  scoreCategories,
  type Category,
} from '../../pipeline/text/category-lexicon.ts';
import { classificationReport, type ClassificationReport } from '../../pipeline/text/classification-metrics.ts';
import { englishAnalyzer } from '../../pipeline/text/english.ts';
import { SHARED } from '../support/shared.ts';

const FILE = join(SHARED, 'data/pxtextmining/v6framework_230831.csv');
const FOLDS = 5;

/** Each v6 label's category; `other` only where a row has no label of the five categories. */
const LABEL_CATEGORY: Readonly<Record<string, Category>> = {
  'Organisation & efficiency': 'process',
  'Number & deployment of staff': 'process',
  'Staff continuity': 'process',
  'Information provision & guidance': 'process',
  'Being kept informed, clarity & consistency of information': 'process',
  'Contacting services': 'process',
  'Appointment arrangements': 'process',
  'Appointment method': 'process',
  'Timeliness of care': 'process',
  'Referals & continuity of care': 'process',
  Discharge: 'process',
  Admission: 'process',
  'Patient records': 'process',
  'Mental Health Act': 'process',
  'Psychological therapy arrangements': 'process',
  'Existence of services': 'process',
  'Choice of services': 'process',
  'Out of hours support (community services)': 'process',
  'Staff manner & personal attributes': 'attitude',
  'Staff responsiveness': 'attitude',
  'Unspecified communication': 'attitude',
  'Staff listening, understanding & involving patients': 'attitude',
  'Information directly from staff during care': 'attitude',
  'Interaction with family/ carers': 'attitude',
  'Equality, Diversity & Inclusion': 'attitude',
  'Competence & training': 'quality',
  'Pain management': 'quality',
  'Diagnosis & triage': 'quality',
  'Care plans': 'quality',
  'Supplying & understanding medication': 'quality',
  'Impact of treatment/ care': 'quality',
  'Feeling safe': 'quality',
  'Patient appearance & grooming': 'quality',
  'Safeguarding concerns?': 'quality',
  'Funding & use of financial resources': 'cost',
  'Cleanliness, tidiness & infection control': 'facility',
  'Provision of medical equipment': 'facility',
  'Environment & Facilities': 'facility',
  'Food & drink provision & facilities': 'facility',
  'Sensory experience': 'facility',
  'Electronic entertainment': 'facility',
  'Activities & access to fresh air': 'facility',
  'Service location': 'facility',
  'Transport to/ from services': 'facility',
  Parking: 'facility',
  'Positive experience & gratitude': 'other',
  'Negative experience & dissatisfaction': 'other',
  'Labelling not possible': 'other',
  'Not assigned': 'other',
  'Learning organisation': 'other',
};

interface Labelled {
  text: string;
  category: Category;
  /** 0 … FOLDS-1, from a hash of the Comment ID: fixed whatever order the file is in. */
  fold: number;
}

interface Outcome {
  rows: number;
  blank: number;
  severalCategories: number;
  labelled: Labelled[];
  classifier: ClassificationReport;
  majority: ClassificationReport;
  keyword: ClassificationReport;
}

/** The first label column; every column after it is a label. */
const FIRST_LABEL = 'Not assigned';

async function readRows(): Promise<Record<string, string | null>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // DuckDB's reader copes with the quoted multi-line cells
    const reader = await connection.runAndReadAll('select * from read_csv($path, all_varchar = true, header = true)', { path: FILE });
    return reader.getRowObjectsJS() as Record<string, string | null>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A row keeps the one category its labels name; labels mapped to `other` count only when no label
 * names a category (thanks alongside a complaint about parking is a facility row). Rows whose labels
 * name two or more categories are left out: their true category is a matter of opinion.
 */
function resolve(rows: Record<string, string | null>[]): Pick<Outcome, 'blank' | 'severalCategories' | 'labelled'> {
  const columns = Object.keys(rows[0]!);
  const labelColumns = columns.slice(columns.indexOf(FIRST_LABEL));
  const unmapped = labelColumns.filter((column) => !(column in LABEL_CATEGORY));
  if (unmapped.length > 0) throw new Error(`labels without a category: ${unmapped.join(', ')}`);
  let blank = 0;
  let severalCategories = 0;
  const labelled: Labelled[] = [];
  for (const row of rows) {
    const text = (row['FFT answer'] ?? '').trim();
    if (text === '') {
      blank++;
      continue;
    }
    const named = new Set(labelColumns.filter((column) => row[column] === '1').map((column) => LABEL_CATEGORY[column]!));
    const topical = [...named].filter((category) => category !== 'other');
    if (topical.length > 1) {
      severalCategories++;
      continue;
    }
    const category = topical[0] ?? (named.has('other') ? 'other' : undefined);
    if (category === undefined) throw new Error(`row ${row['Comment ID']} has no label`);
    const fold = createHash('sha256').update(row['Comment ID']!).digest().readUInt32BE(0) % FOLDS;
    labelled.push({ text, category, fold });
  }
  return { blank, severalCategories, labelled };
}

/**
 * Five-fold cross-validation: each fold is predicted by a model trained on the other four, so every
 * kept row is a test row exactly once and the pooled scores rest on all of them (the 13 cost rows
 * would be 2 or 3 in a single 80/20 split, and one of them would swing the macro-F1 by 0.1).
 */
function evaluate(labelled: readonly Labelled[]): Pick<Outcome, 'classifier' | 'majority' | 'keyword'> {
  const analyzer = englishAnalyzer();
  const lexicon = compileCategoryLexicon(readShippedCategoryLexicon('en'), analyzer);
  const analysed = labelled.map((row) => {
    const terms = analyzer(row.text);
    const scores = scoreCategories(lexicon, terms);
    return { ...row, features: categoryFeatures(terms.map((term) => term.key), scores), lexicon: lexiconCategory(scores) };
  });
  const truth = analysed.map((row) => row.category);
  const classifier: string[] = new Array(analysed.length);
  const majority: string[] = new Array(analysed.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = analysed.filter((row) => row.fold !== fold);
    const model = trainCategoryClassifier(train.map((row) => ({ features: row.features, label: row.category })));
    const counts = new Map<string, number>();
    for (const row of train) counts.set(row.category, (counts.get(row.category) ?? 0) + 1);
    const mostCommon = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    analysed.forEach((row, i) => {
      if (row.fold !== fold) return;
      classifier[i] = predictCategory(model, row.features).label;
      majority[i] = mostCommon;
    });
  }
  return {
    classifier: classificationReport(truth, classifier),
    majority: classificationReport(truth, majority),
    // no evidence, or evidence split evenly, reads as `other`
    keyword: classificationReport(truth, analysed.map((row) => row.lexicon ?? 'other')),
  };
}

const format = (report: ClassificationReport): string =>
  `macro-F1 ${report.macroF1.toFixed(3)}, accuracy ${report.accuracy.toFixed(3)}; ` +
  report.classes.map((c) => `${c.label} P ${c.precision.toFixed(2)} R ${c.recall.toFixed(2)} (n ${c.support})`).join(', ');

let outcome: Outcome;
beforeAll(async () => {
  const rows = await readRows();
  const resolved = resolve(rows);
  outcome = { rows: rows.length, ...resolved, ...evaluate(resolved.labelled) };
  console.log(
    [`classifier: ${format(outcome.classifier)}`, `majority:   ${format(outcome.majority)}`, `keyword:    ${format(outcome.keyword)}`].join('\n'),
  );
});

describe('pxtextmining v6 comments mapped onto hearken categories', () => {
  it('accounts for every row: blank text, several categories, or one category', () => {
    // README: 7,908 rows, 508 with an empty FFT answer
    expect(outcome).toMatchObject({ rows: 7908, blank: 508, severalCategories: 1058 });
    expect(outcome.labelled).toHaveLength(7908 - 508 - 1058);
    const counts: Record<string, number> = {};
    for (const row of outcome.labelled) counts[row.category] = (counts[row.category] ?? 0) + 1;
    expect(counts).toEqual({ other: 3246, process: 1288, attitude: 1237, facility: 351, quality: 207, cost: 13 });
    // the hash spreads the rows evenly over the folds
    for (let fold = 0; fold < FOLDS; fold++) {
      const share = outcome.labelled.filter((row) => row.fold === fold).length / outcome.labelled.length;
      expect(share).toBeCloseTo(1 / FOLDS, 1);
    }
  });

  it('the classifier beats the majority and keyword baselines on held-out folds', () => {
    const { classifier, majority, keyword } = outcome;
    // measured with the defaults of category-classifier.ts and the shipped en.tsv: classifier 0.657,
    // keyword 0.591, majority 0.113; the floor sits 0.02 under the classifier's score
    expect(classifier.macroF1).toBeGreaterThan(0.637);
    expect(classifier.macroF1).toBeGreaterThan(keyword.macroF1 + 0.03);
    expect(classifier.macroF1).toBeGreaterThan(majority.macroF1);
    expect(classifier.accuracy).toBeGreaterThan(keyword.accuracy);
    expect(classifier.accuracy).toBeGreaterThan(majority.accuracy);
  });
});
