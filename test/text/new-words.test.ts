import { describe, expect, it } from 'vitest';
import { discoverWords, hanRuns } from '../../pipeline/text/new-words.ts';

describe('hanRuns', () => {
  it('splits texts at anything that is not a Han character', () => {
    expect(hanRuns(['去打开水了，来打开水吧！A3先打开水啊'])).toEqual(['去打开水了', '来打开水吧', '先打开水啊']);
  });
});

describe('discoverWords', () => {
  // Runs 去打开水了, 来打开水吧, 先打开水啊: N = 15 characters. Strings seen 3 times (minCount 3):
  // 打, 开, 水, 打开, 开水, 打开水; everything else once.
  //   打开水: cohesion min(ln(3·15 / (c(打)·c(开水))), ln(3·15 / (c(打开)·c(水)))) = ln(45/9) = ln 5;
  //     neighbours 去/来/先 on the left and 了/吧/啊 on the right: entropy ln 3 on each side.
  //   打开 and 开水: cohesion ln 5 too, but 打开 is always followed by 水 and 开水 always preceded by
  //     打: right or left entropy 0, not free, not words.
  const texts = Object.freeze(['去打开水了，来打开水吧！', '先打开水啊']);

  it('finds the string that holds together and stands free, with its cohesion and boundary entropy', () => {
    const words = discoverWords(texts, { minCount: 3, maxLength: 3, minCohesion: Math.log(5), minBoundaryEntropy: Math.log(3) });
    expect(words.map((w) => [w.word, w.count])).toEqual([['打开水', 3]]);
    expect(words[0]!.cohesion).toBeCloseTo(Math.log(5), 12);
    expect(words[0]!.boundaryEntropy).toBeCloseTo(Math.log(3), 12);
  });

  it('asks for both: more cohesion, or more varied neighbours, than the corpus gives finds nothing', () => {
    expect(discoverWords(texts, { minCount: 3, maxLength: 3, minCohesion: Math.log(6), minBoundaryEntropy: 0 })).toEqual([]);
    expect(discoverWords(texts, { minCount: 3, maxLength: 3, minCohesion: 0, minBoundaryEntropy: Math.log(3) + 1e-9 })).toEqual([]);
    // with no entropy asked for, the bound pieces 打开 and 开水 pass as well (ties in count and cohesion: by string)
    expect(discoverWords(texts, { minCount: 3, maxLength: 3, minCohesion: 0, minBoundaryEntropy: 0 }).map((w) => w.word)).toEqual(['开水', '打开', '打开水']);
  });

  it('counts each start or end of a run as a distinct neighbour', () => {
    // three texts that are the word alone: N = 9, cohesion ln(3·9 / (3·3)) = ln 3; three run edges on
    // each side, each a neighbour of its own: entropy −3 · (1/3) ln(1/3) = ln 3
    const words = discoverWords(['打开水', '打开水', '打开水'], { minCount: 3, maxLength: 3, minCohesion: 0, minBoundaryEntropy: Math.log(3) - 1e-12 });
    expect(words.map((w) => w.word)).toEqual(['打开水']);
    expect(words[0]!.cohesion).toBeCloseTo(Math.log(3), 12);
    expect(words[0]!.boundaryEntropy).toBeCloseTo(Math.log(3), 12);
  });

  it('refuses options that cannot work', () => {
    expect(() => discoverWords(texts, { minCount: 0 })).toThrow('discoverWords requires');
    expect(() => discoverWords(texts, { maxLength: 1 })).toThrow('discoverWords requires');
  });
});
