// Issue 14 item 2: a page's tables travel as Arrow IPC (apache-arrow), base64 in a script.
import { tableFromIPC, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tablesScript } from '../../pipeline/publish/table-data.ts';

/** The tables a script sets, decoded as the page's script does (window.hearkenTables). */
function decode(script: string): Record<string, Table> {
  const self: { hearkenTables?: Record<string, string> } = {};
  new Function('self', script)(self);
  return Object.fromEntries(Object.entries(self.hearkenTables ?? {}).map(([name, base64]) => [name, tableFromIPC(new Uint8Array(Buffer.from(base64, 'base64')))]));
}

describe('tablesScript', () => {
  const rows = Object.freeze([
    Object.freeze({ department: '急诊科', category: 'process', age_working_days: 3, severities: Object.freeze(['high', 'low']), owner: null }),
    Object.freeze({ department: 'Khoa Nhi', category: null, age_working_days: 0, severities: Object.freeze([]), owner: null }),
  ]);

  it('round-trips every value through Arrow IPC with the type its column needs', () => {
    const { cases } = decode(tablesScript({ cases: rows }));
    expect(cases?.numRows).toBe(2);
    expect(cases?.schema.fields.map((field) => `${field.name}:${String(field.type)}`)).toEqual([
      'department:Utf8',
      'category:Utf8',
      'age_working_days:Float64',
      'severities:List<Utf8>',
      // a column of nulls only is text, which apache-arrow cannot infer by itself
      'owner:Utf8',
    ]);
    expect(cases?.getChild('department')?.toArray()).toEqual(['急诊科', 'Khoa Nhi']);
    expect(cases?.getChild('category')?.get(1)).toBeNull();
    expect([...(cases?.getChild('age_working_days')?.toArray() ?? [])]).toEqual([3, 0]);
    expect([...(cases?.getChild('severities')?.get(0)?.toArray() ?? [])]).toEqual(['high', 'low']);
    expect(cases?.getChild('severities')?.get(1)?.length).toBe(0);
  });

  it('leaves a table with no rows out, and text that would end the script stays inside its string', () => {
    const script = tablesScript({ empty: [], hostile: [{ text: '</script><script>alert(1)</script>' }] });
    expect(Object.keys(decode(script))).toEqual(['hostile']);
    expect(script).not.toContain('</script>');
  });
});
