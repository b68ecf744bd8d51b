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
  for (const text of texts) for (const match of text.matchAll(HAN_RUN)) runs.push(match[0]);
  return runs;
}

/**
 * Counts of every character string of 1..maxLength characters that occurs at least minCount
 * times, level by level: a string is counted only when both of its one-shorter ends reached
 * minCount, since it cannot occur more often than either (the Apriori property).
 */
function frequentStrings(runs: readonly string[], o: NewWordOptions): Map<string, number> {
  const frequent = new Map<string, number>();
  // per run, whether the string of the previous length starting at each position was frequent
  let previous: Uint8Array[] = runs.map((run) => new Uint8Array(run.length).fill(1));
  for (let length = 1; length <= o.maxLength; length++) {
    const counts = new Map<string, number>();
    runs.forEach((run, r) => {
      const ends = previous[r]!;
      for (let i = 0; i + length <= run.length; i++) {
        if (length > 1 && !(ends[i] && ends[i + 1])) continue;
        const gram = run.slice(i, i + length);
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    });
    let any = false;
    for (const [gram, count] of counts) {
      if (count >= o.minCount) {
        frequent.set(gram, count);
        any = true;
      }
    }
    if (!any) break;
    previous = runs.map((run, r) => {
      const marks = new Uint8Array(run.length);
      const ends = previous[r]!;
      for (let i = 0; i + length <= run.length; i++) {
        if ((length === 1 || (ends[i] && ends[i + 1])) && (counts.get(run.slice(i, i + length)) ?? 0) >= o.minCount) marks[i] = 1;
      }
      return marks;
    });
  }
  return frequent;
}

/** Entropy of a neighbour distribution; each run edge counts as a neighbour of its own. */
function entropy(neighbours: ReadonlyMap<string, number>, edges: number, total: number): number {
  let h = 0;
  for (const n of neighbours.values()) h -= (n / total) * Math.log(n / total);
  if (edges > 0) h -= edges * (1 / total) * Math.log(1 / total);
  return h;
}

interface Sides {
  left: Map<string, number>;
  right: Map<string, number>;
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
  const frequent = frequentStrings(runs, o);
  let characters = 0;
  for (const run of runs) characters += run.length;

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
  for (const run of runs) {
    for (let length = 2; length <= o.maxLength; length++) {
      for (let i = 0; i + length <= run.length; i++) {
        const side = sides.get(run.slice(i, i + length));
        if (side === undefined) continue;
        if (i === 0) side.leftEdges++;
        else side.left.set(run[i - 1]!, (side.left.get(run[i - 1]!) ?? 0) + 1);
        if (i + length === run.length) side.rightEdges++;
        else side.right.set(run[i + length]!, (side.right.get(run[i + length]!) ?? 0) + 1);
      }
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
