import { LEXICON_CATEGORIES, type CategoryScores } from './category-lexicon.ts';

/** One labelled record: its binary features (present or not; order and repeats do not matter). */
export interface TrainingExample<L extends string = string> {
  features: readonly string[];
  label: L;
}

export interface ClassifierOptions {
  /** A feature found in fewer training examples than this is left out of the vocabulary. */
  minDocumentFrequency: number;
  /** λ of the objective: mean log loss + λ/2 · ‖W‖² (the intercepts are not penalised). */
  l2: number;
  /** Passes of SGD over the training examples. */
  epochs: number;
  /** η₀ of the step size η_t = η₀ / (1 + η₀·λ·t), t counting steps from 0. */
  learningRate: number;
  /** Seeds the order in which each epoch visits the examples. */
  seed: number;
  /**
   * Reweights classes: an example of class k counts (n / (K·n_k))^classBalance. 0 weighs every example
   * alike (accuracy); 1 weighs every class alike (scikit-learn's `class_weight='balanced'`), which
   * raises the recall of rare categories and so the macro-F1.
   */
  classBalance: number;
}

// Checked by five-fold cross-validation on the pxtextmining comments (data/text/categories/README.md):
// λ from 1e-6 to 1e-4 and 5 to 20 epochs score alike; classBalance 0.5 adds about 0.03 macro-F1 over
// 0 at the same accuracy; 5 epochs keep 500k records × 20 features near 15 s on one core.
const defaults: ClassifierOptions = {
  minDocumentFrequency: 2,
  l2: 1e-5,
  epochs: 5,
  learningRate: 0.1,
  seed: 1,
  classBalance: 0.5,
};

/** The options a training uses: the defaults, with those given. A stored model trained with others is stale. */
export function classifierOptions(options: Partial<ClassifierOptions> = {}): ClassifierOptions {
  return { ...defaults, ...options };
}

/** A trained model: plain JSON, so it can be stored or posted to a worker thread as is. */
export interface ClassifierModel<L extends string = string> {
  method: 'softmax-regression';
  /** Class labels, sorted; the order of `bias` and of each row of `weights`. */
  labels: L[];
  /** The vocabulary, sorted. */
  features: string[];
  /** Row-major: the weight of feature f for label k is `weights[f * labels.length + k]`. */
  weights: number[];
  bias: number[];
  options: ClassifierOptions;
  /** Number of training examples. */
  examples: number;
}

export interface Prediction<L extends string = string> {
  label: L;
  probability: number;
}

/**
 * Features of a record for the category classifier: its distinct term keys, plus `lex:<category>`
 * for each category the lexicon matched at least once.
 *
 * @example categoryFeatures(['rude', 'nurs'], scores) // ['rude', 'nurs', 'lex:attitude']
 */
export function categoryFeatures(keys: readonly string[], lexiconScores?: Readonly<CategoryScores>): string[] {
  const features = [...new Set(keys)];
  if (lexiconScores) for (const category of LEXICON_CATEGORIES) if (lexiconScores[category] > 0) features.push(`lex:${category}`);
  return features;
}

/**
 * Trains a multinomial logistic (softmax) regression on sparse binary features with an L2 penalty,
 * by stochastic gradient descent (Bottou 2012, "Stochastic gradient descent tricks", in Neural
 * Networks: Tricks of the Trade): step size η₀/(1 + η₀λt), and the weight decay of every step kept
 * as one scale factor for the whole weight matrix, so a step costs only the example's own features
 * (about 20 × classes), not the vocabulary. Each epoch visits the examples in an order shuffled by a
 * seeded generator; the same examples in the same order and options give the same model, bit for
 * bit (sort the labelled history, e.g. by record id, before training). Rare classes weigh more
 * (`classBalance`), trading a little accuracy for recall on them.
 *
 * @example trainCategoryClassifier([{ features: ['queue'], label: 'process' }, { features: ['rude'], label: 'attitude' }])
 */
export function trainCategoryClassifier<L extends string>(
  examples: readonly TrainingExample<L>[],
  options: Partial<ClassifierOptions> = {},
): ClassifierModel<L> {
  return trainOn(hashFeatures(examples), Int32Array.from(examples.keys()), classifierOptions(options));
}

/**
 * Trains one model per subset of the examples (their indices, in training order), each exactly
 * as trainCategoryClassifier would on those examples alone, with every feature string hashed once
 * for all of them: a held-out trial and the final model share most of their examples.
 *
 * @example trainCategoryClassifiersOn(examples, [trialIndices, allIndices]) // [trial, final]
 */
export function trainCategoryClassifiersOn<L extends string>(
  examples: readonly TrainingExample<L>[],
  subsets: readonly (readonly number[])[],
  options: Partial<ClassifierOptions> = {},
): ClassifierModel<L>[] {
  const hashed = hashFeatures(examples);
  return subsets.map((subset) => trainOn(hashed, Int32Array.from(subset), classifierOptions(options)));
}

function trainOn<L extends string>(hashed: HashedExamples<L>, subset: Int32Array, settings: ClassifierOptions): ClassifierModel<L> {
  checkOptions(settings);
  if (subset.length === 0) throw new Error('trainCategoryClassifier requires at least one example');

  const labels = [...new Set(Array.from(subset, (i) => hashed.labels[i]!))].sort(byCodeUnit);
  const data = encode(hashed, subset, settings.minDocumentFrequency, labels);
  const features = data.features;
  const classes = labels.length;
  const classCounts = new Array<number>(classes).fill(0);
  for (const label of data.labels) classCounts[label]! += 1;
  const classWeights = classCounts.map((n) => (subset.length / (classes * n)) ** settings.classBalance);

  // W = scale · v: decaying every weight each step is one multiplication of `scale`
  const v = new Float64Array(features.length * classes);
  const bias = new Float64Array(classes);
  const scores = new Float64Array(classes);
  const deltas = new Float64Array(classes);
  const { offsets, indices } = data;
  let scale = 1;
  let step = 0;
  const random = mulberry32(settings.seed);
  const order = Int32Array.from({ length: data.labels.length }, (_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffle(order, random);
    for (let position = 0; position < order.length; position++) {
      const example = order[position]!;
      const from = offsets[example]!;
      const to = offsets[example + 1]!;
      const eta = settings.learningRate / (1 + settings.learningRate * settings.l2 * step++);
      scores.fill(0);
      for (let j = from; j < to; j++) {
        const row = indices[j]! * classes;
        for (let k = 0; k < classes; k++) scores[k]! += v[row + k]!;
      }
      for (let k = 0; k < classes; k++) scores[k] = bias[k]! + scale * scores[k]!;
      softmaxInPlace(scores);
      scale *= 1 - eta * settings.l2;
      const label = data.labels[example]!;
      const weight = classWeights[label]!;
      for (let k = 0; k < classes; k++) {
        const gradient = weight * (scores[k]! - (k === label ? 1 : 0));
        bias[k]! -= eta * gradient;
        deltas[k] = (eta * gradient) / scale;
      }
      for (let j = from; j < to; j++) {
        const row = indices[j]! * classes;
        for (let k = 0; k < classes; k++) v[row + k]! -= deltas[k]!;
      }
      // fold the scale back before 1/scale grows large enough to cost precision
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i]! *= scale;
        scale = 1;
      }
    }
  }
  return {
    method: 'softmax-regression',
    labels,
    features,
    weights: Array.from(v, (weight) => weight * scale),
    bias: Array.from(bias),
    options: settings,
    examples: subset.length,
  };
}

/**
 * The most probable label of a record and its probability under the model. Features the model has
 * not seen are ignored; a record with none left gets the label the intercepts favour (roughly the
 * most common one). Equal probabilities go to the label that sorts first.
 *
 * @example predictCategory(model, ['rude']) // { label: 'attitude', probability: 0.93 }
 */
export function predictCategory<L extends string>(model: ClassifierModel<L>, features: readonly string[]): Prediction<L> {
  const probabilities = classProbabilities(model, features);
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[best]!) best = k;
  return { label: model.labels[best]!, probability: probabilities[best]! };
}

/** The probability of each of `model.labels`, in that order. */
export function classProbabilities(model: ClassifierModel, features: readonly string[]): number[] {
  const index = featureIndex(model);
  const classes = model.labels.length;
  const scores = Float64Array.from(model.bias);
  for (const feature of new Set(features)) {
    const f = index.get(feature);
    if (f === undefined) continue;
    for (let k = 0; k < classes; k++) scores[k]! += model.weights[f * classes + k]!;
  }
  softmaxInPlace(scores);
  return Array.from(scores);
}

// A model that came through JSON is a fresh object, so the lookup table is built once per model.
const indexes = new WeakMap<ClassifierModel, Map<string, number>>();

function featureIndex(model: ClassifierModel): Map<string, number> {
  let index = indexes.get(model);
  if (!index) {
    if (model.weights.length !== model.features.length * model.labels.length || model.bias.length !== model.labels.length) {
      throw new Error(`predictCategory: model has ${model.weights.length} weights for ${model.features.length} features × ${model.labels.length} labels`);
    }
    index = new Map(model.features.map((feature, f) => [feature, f]));
    indexes.set(model, index);
  }
  return index;
}

function checkOptions(options: ClassifierOptions): void {
  const { minDocumentFrequency, l2, epochs, learningRate } = options;
  if (!Number.isInteger(minDocumentFrequency) || minDocumentFrequency < 1) throw new Error(`trainCategoryClassifier: minDocumentFrequency must be a positive integer, not ${minDocumentFrequency}`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`trainCategoryClassifier: epochs must be a positive integer, not ${epochs}`);
  if (!(learningRate > 0)) throw new Error(`trainCategoryClassifier: learningRate must be positive, not ${learningRate}`);
  // λη₀ ≥ 1 would flip the sign of every weight on the first step
  if (!(l2 >= 0) || l2 * learningRate >= 1) throw new Error(`trainCategoryClassifier: l2 must be ≥ 0 and l2 × learningRate < 1, not ${l2}`);
}

interface Encoded {
  /** The vocabulary, sorted. */
  features: string[];
  /** Feature indices of example i: indices[offsets[i]] … indices[offsets[i + 1] - 1], ascending and distinct. */
  offsets: Int32Array;
  indices: Int32Array;
  labels: Int32Array;
}

/** Examples with each feature string replaced by a number, once: with 500k examples that lookup, not the SGD, is the bulk of a training. */
interface HashedExamples<L extends string> {
  names: string[];
  /** Distinct feature ids of example i, in order of first occurrence: ids[offsets[i]] … ids[offsets[i + 1] - 1]. */
  offsets: Int32Array;
  ids: Int32Array;
  labels: L[];
}

function hashFeatures<L extends string>(examples: readonly TrainingExample<L>[]): HashedExamples<L> {
  const index = new Map<string, number>();
  const names: string[] = [];
  let lastSeen = new Int32Array(1024);
  const offsets = new Int32Array(examples.length + 1);
  let ids = new Int32Array(Math.max(16, examples.length * 8));
  let used = 0;
  examples.forEach((example, i) => {
    for (const feature of example.features) {
      let id = index.get(feature);
      if (id === undefined) {
        id = names.length;
        index.set(feature, id);
        names.push(feature);
        if (id === lastSeen.length) lastSeen = grow(lastSeen, id * 2);
        lastSeen[id] = -1;
      }
      // a repeated feature counts once: binary features
      if (lastSeen[id] === i) continue;
      lastSeen[id] = i;
      if (used === ids.length) ids = grow(ids, ids.length * 2);
      ids[used++] = id;
    }
    offsets[i + 1] = used;
  });
  return { names, offsets, ids: ids.subarray(0, used), labels: examples.map((example) => example.label) };
}

/**
 * The training set of a subset of the examples: the vocabulary (features present in at least
 * `minDocumentFrequency` of its examples, sorted so the model is stable) and each of its examples
 * as vocabulary indices, in the subset's order.
 */
function encode<L extends string>(hashed: HashedExamples<L>, subset: Int32Array, minDocumentFrequency: number, labels: readonly string[]): Encoded {
  const documentFrequency = new Int32Array(hashed.names.length);
  for (const i of subset) for (let j = hashed.offsets[i]!; j < hashed.offsets[i + 1]!; j++) documentFrequency[hashed.ids[j]!]! += 1;
  const kept: number[] = [];
  for (let id = 0; id < hashed.names.length; id++) if (documentFrequency[id]! >= minDocumentFrequency) kept.push(id);
  kept.sort((a, b) => byCodeUnit(hashed.names[a]!, hashed.names[b]!));
  const position = new Int32Array(hashed.names.length).fill(-1);
  kept.forEach((id, f) => (position[id] = f));

  // drop the rare features and sort each example's indices: a fixed order of floating-point sums,
  // whatever order the features came in
  const offsets = new Int32Array(subset.length + 1);
  let size = 0;
  for (const i of subset) size += hashed.offsets[i + 1]! - hashed.offsets[i]!;
  const indices = new Int32Array(size);
  let written = 0;
  subset.forEach((i, e) => {
    const from = written;
    for (let j = hashed.offsets[i]!; j < hashed.offsets[i + 1]!; j++) {
      const f = position[hashed.ids[j]!]!;
      if (f >= 0) indices[written++] = f;
    }
    indices.subarray(from, written).sort();
    offsets[e] = from;
  });
  offsets[subset.length] = written;
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  return {
    features: kept.map((id) => hashed.names[id]!),
    offsets,
    indices: indices.subarray(0, written),
    labels: Int32Array.from(subset, (i) => labelIndex.get(hashed.labels[i]!)!),
  };
}

function grow(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) if (score > max) max = score;
  let total = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    total += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= total;
}

/** Fisher–Yates with the given generator. */
function shuffle(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
}

/** mulberry32 (Tommy Ettinger, public domain): a small, fast, seeded 32-bit generator. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
