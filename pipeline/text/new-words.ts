/** A string of characters that recurs in a corpus and behaves like a word there. */
export interface NewWord {
  word: string;
  /** Occurrences in the corpus. */
  count: number;
  /** The weakest split's pointwise mutual information, ln(p(w) / (p(left) p(right))), in nats. */
  cohesion: number;
  /** The lesser of its left and right neighbours' entropies, in nats. */
  boundaryEntropy: number;
}

export interface NewWordOptions {
  /** Fewest occurrences. */
  minCount: number;
  /** Longest word, in characters. */
  maxLength: number;
  /** Least cohesion (nats): ln 50 asks every split to occur 50 times more often than chance. */
  minCohesion: number;
  /** Least boundary entropy (nats): ln 3 is as varied as three neighbours equally often. */
  minBoundaryEntropy: number;
}

export const newWordDefaults: NewWordOptions = { minCount: 10, maxLength: 4, minCohesion: Math.log(50), minBoundaryEntropy: Math.log(3) };

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/** The runs of Han characters of the texts: punctuation, digits, Latin and spaces end a run. */
export function hanRuns(texts: Iterable<string>): string[] {
  const runs: string[] = [];
  for (const text of texts) for (const run of text.match(HAN_RUN) ?? []) runs.push(run);
  return runs;
}

/** Between runs in the joined corpus: not a Han character, so no counted string holds one. */
const RUN_BREAK = '\n';
const RUN_BREAK_CODE = RUN_BREAK.charCodeAt(0);

/** The frequent strings of one length: each one's count, and which string starts at each position of the corpus. */
interface Level {
  /** Counts by id: the id of a string is its place among the strings of its length, in order of first sight. */
  counts: number[];
  grams: string[];
  /** The id of the string counted at each position, or -1 where none was (near a break, or not both ends frequent). */
  ids: Int32Array;
}

/**
 * Counts of every character string of 1..maxLength characters that occurs at least minCount
 * times, level by level: a string is counted only when both of its one-shorter ends reached
 * minCount, since it cannot occur more often than either (the Apriori property). The runs are
 * joined into one string and each position remembers the id of the string counted there. A
 * longer string is known by the pair of its two frequent ends (the string without its last
 * character and the one without its first), so it is looked up by a number, and cut out of the
 * corpus only the first time it is seen.
 */
function frequentStrings(corpus: string, o: NewWordOptions): { frequent: Map<string, number>; levels: Level[] } {
  const frequent = new Map<string, number>();
  const levels: Level[] = [];
  // the frequent string of the previous length starting at each position, numbered 0..frequentCount - 1, or -1
  let ends = new Int32Array(0);
  let frequentCount = 0;
  for (let length = 1; length <= o.maxLength; length++) {
    const index = new Map<number, number>();
    const level: Level = { counts: [], grams: [], ids: new Int32Array(corpus.length).fill(-1) };
    for (let i = 0; i + length <= corpus.length; i++) {
      let key: number;
      if (length === 1) {
        key = corpus.charCodeAt(i);
        if (key === RUN_BREAK_CODE) continue;
      } else {
        const left = ends[i]!;
        const right = ends[i + 1]!;
        if (left < 0 || right < 0) continue;
        key = left * frequentCount + right;
      }
      let id = index.get(key);
      if (id === undefined) {
        id = level.grams.length;
        index.set(key, id);
        level.grams.push(corpus.slice(i, i + length));
        level.counts.push(0);
      }
      level.counts[id]! += 1;
      level.ids[i] = id;
    }
    const numbered = new Int32Array(level.grams.length).fill(-1);
    frequentCount = 0;
    level.grams.forEach((gram, id) => {
      if (level.counts[id]! >= o.minCount) {
        frequent.set(gram, level.counts[id]!);
        numbered[id] = frequentCount++;
      }
    });
    if (frequentCount === 0) break;
    levels.push(level);
    ends = new Int32Array(corpus.length).fill(-1);
    for (let i = 0; i < corpus.length; i++) {
      const id = level.ids[i]!;
      if (id >= 0) ends[i] = numbered[id]!;
    }
  }
  return { frequent, levels };
}

/** Entropy of a neighbour distribution; each run edge counts as a neighbour of its own. */
function entropy(neighbours: ReadonlyMap<number, number>, edges: number, total: number): number {
  let h = 0;
  for (const n of neighbours.values()) h -= (n / total) * Math.log(n / total);
  if (edges > 0) h -= edges * (1 / total) * Math.log(1 / total);
  return h;
}

/** The neighbours of a string on each side, by character code, and how often a run's edge was. */
interface Sides {
  left: Map<number, number>;
  right: Map<number, number>;
  leftEdges: number;
  rightEdges: number;
}

/**
 * New words of a corpus found by statistics alone, no dictionary: strings of 2..maxLength Han
 * characters that occur at least minCount times, hold together (cohesion: the pointwise mutual
 * information of the weakest way to cut them in two, ln(c(w)·N / (c(a)·c(b))) with N the
 * corpus's characters) and stand free (boundary entropy: the lesser of the entropies of the
 * characters before and after them; a run's start or end counts as a distinct neighbour each
 * time, so a word that often opens a sentence is free on that side). Strongest evidence first:
 * by count, then cohesion, then the string. The method of Matrix67 (2012), "互联网时代的社会语言学：
 * 基于SNS的文本数据挖掘", and of Sproat & Shih (1990) for the mutual information; the entropy
 * criterion is Huang & Powers (2003), "Chinese word segmentation based on contextual entropy".
 *
 * @example discoverWords(['去打开水', '打开水房', ...]) // [{ word: '打开水', count: …, cohesion: …, boundaryEntropy: … }]
 */
export function discoverWords(texts: Iterable<string>, options: Partial<NewWordOptions> = {}): NewWord[] {
  const o = { ...newWordDefaults, ...options };
  if (!Number.isInteger(o.minCount) || o.minCount < 1) throw new RangeError('discoverWords requires an integer minCount >= 1');
  if (!Number.isInteger(o.maxLength) || o.maxLength < 2) throw new RangeError('discoverWords requires an integer maxLength >= 2');
  const runs = hanRuns(texts);
  const corpus = runs.join(RUN_BREAK);
  const { frequent, levels } = frequentStrings(corpus, o);
  const characters = runs.reduce((sum, run) => sum + run.length, 0);

  const cohesion = new Map<string, number>();
  for (const [gram, count] of frequent) {
    if (gram.length < 2) continue;
    let weakest = Infinity;
    for (let k = 1; k < gram.length; k++) {
      weakest = Math.min(weakest, Math.log((count * characters) / (frequent.get(gram.slice(0, k))! * frequent.get(gram.slice(k))!)));
    }
    if (weakest >= o.minCohesion) cohesion.set(gram, weakest);
  }

  const sides = new Map<string, Sides>();
  for (const gram of cohesion.keys()) sides.set(gram, { left: new Map(), right: new Map(), leftEdges: 0, rightEdges: 0 });
  const isBreak = (i: number) => i < 0 || i >= corpus.length || corpus.charCodeAt(i) === RUN_BREAK_CODE;
  for (const [level, { grams, ids }] of levels.entries()) {
    const length = level + 1;
    if (length < 2) continue;
    const sideOf = grams.map((gram) => sides.get(gram));
    for (let i = 0; i + length <= corpus.length; i++) {
      const id = ids[i]!;
      const side = id >= 0 ? sideOf[id] : undefined;
      if (side === undefined) continue;
      if (isBreak(i - 1)) side.leftEdges++;
      else side.left.set(corpus.charCodeAt(i - 1), (side.left.get(corpus.charCodeAt(i - 1)) ?? 0) + 1);
      if (isBreak(i + length)) side.rightEdges++;
      else side.right.set(corpus.charCodeAt(i + length), (side.right.get(corpus.charCodeAt(i + length)) ?? 0) + 1);
    }
  }

  const words: NewWord[] = [];
  for (const [word, side] of sides) {
    const count = frequent.get(word)!;
    const boundaryEntropy = Math.min(entropy(side.left, side.leftEdges, count), entropy(side.right, side.rightEdges, count));
    if (boundaryEntropy >= o.minBoundaryEntropy) words.push({ word, count, cohesion: cohesion.get(word)!, boundaryEntropy });
  }
  return words.sort((a, b) => b.count - a.count || b.cohesion - a.cohesion || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}
