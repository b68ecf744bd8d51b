import { describe, expect, it } from 'vitest';
import {
  categoryFeatures,
  classProbabilities,
  predictCategory,
  trainCategoryClassifier,
  trainCategoryClassifiersOn,
  type ClassifierModel,
  type TrainingExample,
} from '../../pipeline/text/category-classifier.ts';

/** `count` copies of one example. */
const repeat = (count: number, features: string[], label: string): TrainingExample[] =>
  Array.from({ length: count }, () => ({ features, label }));

// Three classes, each with its own words, plus noise words every class uses.
const separable = Object.freeze(
  [
    ...repeat(20, ['queue', 'wait', 'noise'], 'process'),
    ...repeat(20, ['rude', 'shout', 'noise'], 'attitude'),
    ...repeat(20, ['toilet', 'dirty', 'din'], 'facility'),
    ...repeat(5, ['wait', 'din'], 'process'),
    ...repeat(5, ['rude', 'din'], 'attitude'),
  ].map((example) => Object.freeze({ ...example, features: Object.freeze(example.features) })),
);

describe('trainCategoryClassifier', () => {
  it('learns a separable toy problem', () => {
    // 70 examples: the default 5 epochs are 350 steps, too few to grow confident on so little data
    const model = trainCategoryClassifier(separable, { epochs: 50 });
    expect(model.labels).toEqual(['attitude', 'facility', 'process']);
    expect(model.features).toEqual(['din', 'dirty', 'noise', 'queue', 'rude', 'shout', 'toilet', 'wait']);
    for (const [features, label] of [
      [['queue'], 'process'],
      [['wait', 'noise'], 'process'],
      [['shout'], 'attitude'],
      [['rude', 'din'], 'attitude'],
      [['toilet'], 'facility'],
      [['dirty', 'unseen word'], 'facility'],
    ] as const) {
      const prediction = predictCategory(model, features);
      expect(prediction.label, features.join(' ')).toBe(label);
      expect(prediction.probability).toBeGreaterThan(0.8);
    }
  });

  it('reaches the maximum-likelihood fit of R glm on a two-class problem', () => {
    // y = a in 3 of 10 records without features, 6 of 10 with x1 only, 5 of 10 with x2 only, 9 of 10 with both.
    // confirmed in R: fitted(glm(cbind(a, b) ~ x1 + x2, family = binomial, data = d)) with
    // d <- data.frame(x1 = c(0,1,0,1), x2 = c(0,0,1,1), a = c(3,6,5,9), b = c(7,4,5,1))
    // = 0.2584613, 0.6415387, 0.5415387, 0.8584613 (two-class softmax regression is logistic regression)
    const cells: [string[], number, number, number][] = [
      [[], 3, 7, 0.2584613],
      [['x1'], 6, 4, 0.6415387],
      [['x2'], 5, 5, 0.5415387],
      [['x1', 'x2'], 9, 1, 0.8584613],
    ];
    const examples = cells.flatMap(([features, a, b]) => [...repeat(a, features, 'a'), ...repeat(b, features, 'b')]);
    // no penalty and no reweighting: the plain MLE; a small step so the SGD iterate settles on it
    const model = trainCategoryClassifier(examples, { l2: 0, classBalance: 0, minDocumentFrequency: 1, learningRate: 0.02, epochs: 2000 });
    for (const [features, , , expected] of cells) expect(classProbabilities(model, features)[0]).toBeCloseTo(expected, 2.5);
  });

  it('fits the class frequencies with no features, or equal shares when classes are balanced', () => {
    // intercept-only MLE: P(class) = its share of the examples, 30/40 = 0.75
    const examples = [...repeat(30, [], 'common'), ...repeat(10, [], 'rare')];
    const plain = trainCategoryClassifier(examples, { classBalance: 0, learningRate: 0.02, epochs: 500 });
    expect(predictCategory(plain, [])).toEqual({ label: 'common', probability: expect.closeTo(0.75, 2) });
    // classBalance 1 weighs each rare example 40/(2·10) = 2 and each common one 40/(2·30) = 2/3: 20 against 20
    const balanced = trainCategoryClassifier(examples, { classBalance: 1, learningRate: 0.02, epochs: 500 });
    expect(classProbabilities(balanced, [])[0]).toBeCloseTo(0.5, 2);
  });

  it('is deterministic, and does not depend on the order of features within an example', () => {
    const first = trainCategoryClassifier(separable);
    expect(trainCategoryClassifier(separable)).toEqual(first);
    const reordered = separable.map((example) => ({ ...example, features: [...example.features].reverse().concat(example.features[0]!) }));
    expect(trainCategoryClassifier(reordered)).toEqual(first);
    const otherSeed = trainCategoryClassifier(separable, { seed: 7 });
    expect(otherSeed.weights).not.toEqual(first.weights);
    expect(predictCategory(otherSeed, ['queue']).label).toBe('process');
  });

  it('round-trips through JSON with identical predictions', () => {
    const model = trainCategoryClassifier(separable);
    const copy = JSON.parse(JSON.stringify(model)) as ClassifierModel;
    expect(copy).toEqual(model);
    for (const features of [['queue'], ['rude', 'toilet'], ['din'], []]) {
      expect(classProbabilities(copy, features)).toEqual(classProbabilities(model, features));
    }
  });

  it('leaves out features found in fewer examples than minDocumentFrequency', () => {
    const examples = [...repeat(3, ['often'], 'x'), { features: ['once', 'once'], label: 'y' }, ...repeat(2, ['twice'], 'y')];
    expect(trainCategoryClassifier(examples, { minDocumentFrequency: 2 }).features).toEqual(['often', 'twice']);
    expect(trainCategoryClassifier(examples, { minDocumentFrequency: 1 }).features).toEqual(['often', 'once', 'twice']);
  });

  it('refuses no examples and options that cannot train', () => {
    expect(() => trainCategoryClassifier([])).toThrow('trainCategoryClassifier requires at least one example');
    expect(() => trainCategoryClassifier(separable, { epochs: 0 })).toThrow('epochs must be a positive integer');
    expect(() => trainCategoryClassifier(separable, { minDocumentFrequency: 0.5 })).toThrow('minDocumentFrequency');
    expect(() => trainCategoryClassifier(separable, { learningRate: 0 })).toThrow('learningRate must be positive');
    expect(() => trainCategoryClassifier(separable, { l2: 20, learningRate: 0.1 })).toThrow('l2 × learningRate < 1');
  });

  it('refuses a model whose weights do not fit its features and labels', () => {
    const model = trainCategoryClassifier(separable);
    expect(() => predictCategory({ ...model, weights: model.weights.slice(1) }, ['queue'])).toThrow('predictCategory: model has 23 weights');
  });
});

describe('trainCategoryClassifiersOn', () => {
  it('trains on each subset exactly what trainCategoryClassifier trains on those examples alone', () => {
    // the subset's own vocabulary and labels: 'twice' is frequent in all, once in the odd rows; 'facility' only in all
    const examples = [...separable, { features: ['twice'], label: 'process' }, { features: ['twice'], label: 'attitude' }];
    const odd = [...examples.keys()].filter((i) => i % 2 === 1 && examples[i]!.label !== 'facility');
    const reversed = [...examples.keys()].reverse();
    const [fromOdd, fromReversed] = trainCategoryClassifiersOn(examples, [odd, reversed]);
    expect(fromOdd).toEqual(trainCategoryClassifier(odd.map((i) => examples[i]!)));
    expect(fromOdd!.labels).toEqual(['attitude', 'process']);
    expect(fromOdd!.features).not.toContain('twice');
    expect(fromReversed).toEqual(trainCategoryClassifier(reversed.map((i) => examples[i]!)));
    expect(fromReversed!.features).toContain('twice');
  });
});

describe('categoryFeatures', () => {
  it('gives the distinct term keys, then lex:<category> for each category the lexicon matched', () => {
    const terms = ['wait', 'rude', 'wait'];
    expect(categoryFeatures(terms)).toEqual(['wait', 'rude']);
    expect(categoryFeatures(terms, { process: 2, attitude: 1, quality: 0, cost: 0, facility: 0 })).toEqual(['wait', 'rude', 'lex:process', 'lex:attitude']);
  });
});
