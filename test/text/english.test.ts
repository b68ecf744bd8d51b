import { describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../pipeline/text/english.ts';

const analyze = englishAnalyzer();

describe('englishAnalyzer', () => {
  it('groups variants under Porter stems and shows the surface as written', () => {
    const terms = analyze('Waited 3 hours; the waiting area was dirty and the nurses were rude');
    expect(terms.map((term) => term.key)).toEqual(['wait', 'hour', 'wait', 'area', 'dirti', 'nurs', 'rude']);
    expect(terms.map((term) => term.surface)).toEqual(['waited', 'hours', 'waiting', 'area', 'dirty', 'nurses', 'rude']);
  });

  it('resolves contractions and possessives before the stop-word check', () => {
    expect(analyze("Staff's attitude: I can't park, they weren't helpful").map((term) => term.surface)).toEqual(['staff', 'attitude', 'park', 'helpful']);
  });

  it('drops the function words and request words of function_words.txt, which name no issue', () => {
    expect(analyze('Please look into the parking charge, thank you in advance').map((term) => term.surface)).toEqual(['parking', 'charge']);
  });

  it('never keeps numbers, codes or hospital background words', () => {
    expect(analyze('Patient in bed 12 at the hospital, A123, 07700 900123')).toEqual([{ key: 'bed', surface: 'bed' }]);
  });
});
