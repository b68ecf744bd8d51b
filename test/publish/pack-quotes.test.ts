// withStaffNames (pipeline/publish/pack-quotes.ts): a pack's quotes traced to their records and
// shown with staff names kept; anything that cannot be traced to one text stays redacted.
import { describe, expect, it } from 'vitest';
import { cutQuote, quoteDefaults } from '../../pipeline/frequency/quotes.ts';
import { evidenceKey, withStaffNames, type PackQuoteText } from '../../pipeline/publish/pack-quotes.ts';
import type { Warning } from '../../pipeline/warnings/warnings.ts';
import { deepFreeze } from '../statistics/vectors.ts';

const warning = (over: Partial<Warning>): Warning =>
  deepFreeze({
    id: 'W-1',
    kind: 'spike',
    hospital: 'jiangzhou',
    run_id: 'run-1',
    department: '急诊科',
    category: null,
    location: null,
    keywords: [],
    period_start: '2025-06-23',
    period_end: '2025-06-29',
    observed: 9,
    expected: 2,
    method: 'ears_c2',
    severity: 'high',
    status: 'new',
    evidence_ids: [],
    evidence: [],
    summary: '',
    suggested_action: '',
    due_date: '2025-07-01',
    ...over,
  });

/** The texts as packWarningsWithStaffNames keys them; a row names its source, else the source `his`. */
const texts = (rows: (Omit<PackQuoteText, 'source' | 'hospital'> & { source?: string })[]) => {
  const byRecord = new Map<string, PackQuoteText[]>();
  for (const row of rows) {
    const text = { hospital: 'jiangzhou', source: 'his', ...row };
    const key = evidenceKey(text.hospital, text);
    byRecord.set(key, [...(byRecord.get(key) ?? []), text]);
  }
  return byRecord;
};

/** Evidence of the source `his`, as (source, id) pairs beside the ids. */
const evidenceOf = (...ids: string[]) => ({ evidence_ids: ids, evidence: ids.map((id) => ({ source: 'his', id })) });

const long = '排队'.repeat(80);

describe('withStaffNames', () => {
  it('replaces each quote by its record’s text with staff names, cut as quotes are cut', () => {
    const given = warning({
      ...evidenceOf('1', '2', '3'),
      quotes: ['[医生]态度差', 'Dr [name] never came', cutQuote(`${long}[医生]`)],
    });
    const shown = withStaffNames(
      given,
      texts([
        { id: '1', text_redacted: '[医生]态度差', text_keep_staff: '王医生态度差' },
        { id: '2', text_redacted: 'Dr [name] never came', text_keep_staff: 'Dr Smith never came' },
        { id: '3', text_redacted: `${long}[医生]`, text_keep_staff: `${long}王医生` },
      ]),
    );
    expect(shown.quotes).toEqual(['王医生态度差', 'Dr Smith never came', `${long.slice(0, quoteDefaults.length - 1)}…`]);
    expect(shown).toEqual({ ...given, quotes: shown.quotes });
    // the warning of warnings.json is not changed
    expect(given.quotes![0]).toBe('[医生]态度差');
  });

  it('keeps a quote redacted when no record of its evidence gave it', () => {
    const given = warning({ ...evidenceOf('1'), quotes: ['bác sĩ [tên] quát'] });
    // record 2 has the text but is not the warning's evidence; record 1 says something else
    const shown = withStaffNames(
      given,
      texts([
        { id: '1', text_redacted: 'chờ lâu', text_keep_staff: 'chờ lâu' },
        { id: '2', text_redacted: 'bác sĩ [tên] quát', text_keep_staff: 'bác sĩ Lan quát' },
      ]),
    );
    expect(shown.quotes).toEqual(['bác sĩ [tên] quát']);
  });

  it('keeps a quote redacted when records with different staff names could have given it', () => {
    // two records read the same once redacted
    const given = warning({ ...evidenceOf('1', '2'), quotes: ['Nurse [name] was rude'] });
    const ambiguous = texts([
      { id: '1', text_redacted: 'Nurse [name] was rude', text_keep_staff: 'Nurse Jones was rude' },
      { id: '1', text_redacted: 'Nurse [name] was rude', text_keep_staff: 'Nurse Khan was rude' },
    ]);
    expect(withStaffNames(given, ambiguous).quotes).toEqual(['Nurse [name] was rude']);
    const same = texts([
      { id: '1', text_redacted: 'Nurse [name] was rude', text_keep_staff: 'Nurse Jones was rude' },
      { id: '2', text_redacted: 'Nurse [name] was rude', text_keep_staff: 'Nurse Jones was rude' },
    ]);
    expect(withStaffNames(given, same).quotes).toEqual(['Nurse Jones was rude']);
  });

  it('leaves a warning without quotes as it is', () => {
    const given = warning({ kind: 'sla_breach', ...evidenceOf('1') });
    expect(withStaffNames(given, texts([{ id: '1', text_redacted: '[医生]', text_keep_staff: '王医生' }]))).toBe(given);
  });

  it('matches evidence by source and id: another source’s record of the same id is not the warning’s', () => {
    // the east campus's register and the main campus's HIS both number their records from 1
    const given = warning({ evidence_ids: ['1'], evidence: [{ source: 'east_register', id: '1' }], quotes: ['[医生]态度差'] });
    const records = [
      { source: 'his', id: '1', text_redacted: '[医生]态度差', text_keep_staff: '王医生态度差' },
      { source: 'east_register', id: '1', text_redacted: '[医生]态度差', text_keep_staff: '李医生态度差' },
    ];
    expect(withStaffNames(given, texts(records)).quotes).toEqual(['李医生态度差']);
    expect(withStaffNames({ ...given, evidence: [{ source: 'his', id: '1' }] }, texts(records)).quotes).toEqual(['王医生态度差']);
    // by id alone both records would have matched, with different names: the quote would have stayed redacted
    expect(withStaffNames({ ...given, evidence: [] }, texts(records)).quotes).toEqual(['[医生]态度差']);
  });

  it('matches evidence within the warning’s hospital: another hospital’s record of the same source and id is not its', () => {
    const given = warning({ ...evidenceOf('5'), quotes: ['[医生]态度差'] });
    const other = new Map([[evidenceKey('east', { source: 'his', id: '5' }), [{ hospital: 'east', source: 'his', id: '5', text_redacted: '[医生]态度差', text_keep_staff: '李医生态度差' }]]]);
    expect(withStaffNames(given, other).quotes).toEqual(['[医生]态度差']);
  });
});
