import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../pipeline/config.ts';
import { planColumns } from '../../pipeline/ingest/columns.ts';
import { kindOfHeader, normalizeHeader } from '../../pipeline/ingest/contract.ts';

describe('normalizeHeader and kindOfHeader', () => {
  it('matches headers as people write them', () => {
    expect(['\uFEFFReceived At', ' received_at ', 'Received-At'].map(normalizeHeader)).toEqual(['received_at', 'received_at', 'received_at']);
    expect(kindOfHeader(['id', 'Received_At', 'text'])).toBe('feedback');
    expect(kindOfHeader(['response_id', 'submitted_at', 'q_a1'])).toBe('survey');
    expect(kindOfHeader(['received_at', 'submitted_at'])).toBe('both');
    expect(kindOfHeader(['name', 'shift'])).toBeNull();
  });
});

describe('planColumns', () => {
  it('reads contract columns by name and lists the others as ignored', () => {
    const result = planColumns('a.csv', ['ID', 'received_at', 'Department', 'text', 'note'], []);
    expect(result.ok && result.plan.kind).toBe('feedback');
    expect(result.ok && result.plan.ignoredColumns).toEqual(['note']);
    expect(result.ok && result.plan.selectList).toContain(`nullif(trim("ID"), '') as "id"`);
    expect(result.ok && result.plan.selectList).toContain(`null::varchar as "channel"`);
  });

  it('names the missing required columns', () => {
    expect(planColumns('a.csv', ['received_at', 'department'], [])).toEqual({ ok: false, kind: 'feedback', rejection: { reason: 'rejection.missingColumns', values: { columns: 'id, text' } } });
    expect(planColumns('a.csv', ['received_at', 'department', 'text'], [])).toEqual({ ok: false, kind: 'feedback', rejection: { reason: 'rejection.missingColumn', values: { columns: 'id' } } });
    expect(planColumns('s.csv', ['response_id', 'submitted_at', 'department'], [])).toEqual({
      ok: false,
      kind: 'survey',
      rejection: { reason: 'rejection.noAnswerColumn' },
    });
  });

  it('applies a mapping: recodes, constants, joins, row numbers, quoted safely', () => {
    const mapping: ColumnMapping = {
      name: 'his',
      files: ['exports/*.csv'],
      kind: 'feedback',
      columns: {
        id: { row_number: true },
        received_at: '登记时间',
        department: '科室',
        channel: { value: "it's 12345" },
        kind: { column: '类型', values: { 投诉: 'complaint' } },
        text: { join: ['标题', '内容'], separator: '：' },
      },
    };
    const result = planColumns('exports/2025.csv', ['登记时间', '科室', '类型', '标题', '内容', '备注'], [mapping]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.mapping).toBe('his');
    expect(result.plan.ignoredColumns).toEqual(['备注']);
    expect(result.plan.selectList).toContain(`'it''s 12345' as "channel"`);
    expect(result.plan.selectList).toContain(`case trim("类型") when '投诉' then 'complaint' else trim("类型") end`);
    expect(result.plan.selectList).toContain(`concat_ws('：', nullif(trim("标题"), ''), nullif(trim("内容"), ''))`);
  });

  it('rejects a mapping that names a column the file lacks, or a column the contract lacks', () => {
    const mapping: ColumnMapping = { name: 'm', when_columns: ['when'], kind: 'feedback', columns: { id: 'no_such', received_at: 'when', department: 'd', text: 't' } };
    expect(planColumns('x.csv', ['when', 'd', 't'], [mapping])).toEqual({ ok: false, kind: 'feedback', rejection: { reason: 'rejection.mappingNoColumn', values: { mapping: 'm', column: 'no_such' } } });
    const wrong: ColumnMapping = { name: 'w', when_columns: ['when'], kind: 'feedback', columns: { colour: 'when' } };
    expect(planColumns('x.csv', ['when'], [wrong])).toEqual({ ok: false, kind: 'feedback', rejection: { reason: 'rejection.notFeedbackColumn', values: { mapping: 'w', column: 'colour' } } });
  });

  it('rejects a file with both kinds of timestamp, or neither', () => {
    expect(planColumns('x.csv', ['received_at', 'submitted_at'], [])).toEqual({ ok: false, kind: 'unknown', rejection: { reason: 'rejection.bothKinds' } });
    expect(planColumns('x.csv', ['a', 'b'], [])).toEqual({ ok: false, kind: 'unknown', rejection: { reason: 'rejection.noKind' } });
  });
});
