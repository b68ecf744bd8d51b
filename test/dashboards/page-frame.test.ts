// Issue 14 items 2 and 5: a page links to its other languages and loads its tables' scripts; the
// filter bar's settings reach the page escaped and come back whole.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { filterAttributes } from '../../dashboards/filter-table.ts';
import { html, page, table } from '../../dashboards/html.ts';
import { pageFrame } from '../../pipeline/publish/pages/site-page.ts';

const HOSTILE = '"><script>alert(1)</script>';

describe('page with a frame', () => {
  const frame = pageFrame('departments/index.html', 'vi', 'zh', true);
  const { document } = parseHTML(page({ lang: 'vi', title: 'Gói cảnh báo', body: html`<h1>x</h1>`, frame }));

  it('names its own language and links to the same page in the others, each link marked with its language', () => {
    const nav = document.querySelector('nav.languages');
    expect(nav?.querySelector('strong')?.getAttribute('lang')).toBe('vi');
    expect(nav?.querySelector('strong')?.getAttribute('aria-current')).toBe('page');
    const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('hreflang'), a.getAttribute('lang')]);
    expect(links).toEqual([
      ['中文', '../../departments/index.html', 'zh', 'zh'],
      ['English', '../../en/departments/index.html', 'en', 'en'],
    ]);
    const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
    expect(alternates).toEqual([
      ['zh', '../../departments/index.html'],
      ['en', '../../en/departments/index.html'],
    ]);
  });

  it('loads apache-arrow, then its data, then the tables script, all from the site itself', () => {
    expect([...document.querySelectorAll('script')].map((script) => script.getAttribute('src'))).toEqual([
      '../../assets/apache-arrow.js',
      '../../departments/index.tables.js',
      '../../assets/tables.js',
    ]);
  });

  it('loads no script where nothing filters, and none without a frame', () => {
    expect(page({ lang: 'en', title: 't', body: html``, frame: pageFrame('issues.html', 'en', 'en', false) })).not.toContain('<script');
    expect(page({ lang: 'en', title: 't', body: html`` })).not.toMatch(/<script|<nav/);
  });
});

describe('filterAttributes', () => {
  it('carries filters, sort fields and the words of the bar as JSON that survives hostile labels', () => {
    const spec = { data: 'warnings', filters: [{ field: 'department', label: HOSTILE, labels: { [HOSTILE]: HOSTILE } }], sort: ['department', null] };
    const markup = table(['a', 'b'], [[HOSTILE, '1']], { rowKeys: [7], attributes: filterAttributes(spec, 'zh') }).value;
    expect(markup).not.toContain('<script>');
    const { document } = parseHTML(`<main>${markup}</main>`);
    const element = document.querySelector('table');
    expect(element?.getAttribute('data-table')).toBe('warnings');
    expect(JSON.parse(element?.getAttribute('data-ui') ?? '')).toEqual({ filters: spec.filters, sort: spec.sort, words: { all: '全部', shown: '显示 {shown} 行，共 {total} 行', sort: '点击列标题可排序。' } });
    expect(document.querySelector('tbody tr')?.getAttribute('data-row')).toBe('7');
  });

  it('lists a department filter’s values by the page’s names of them, the filter’s own words first', () => {
    const spec = { data: 'open_cases', filters: [{ field: 'department', label: '科室', labels: { ALL: '全院' } }, { field: 'hospital', label: '医院' }], sort: [] };
    const markup = table(['a'], [['1']], { rowKeys: [0], attributes: filterAttributes(spec, 'zh', { 'Khoa Nhi': '儿科', ALL: 'ALL' }) }).value;
    const ui = JSON.parse(parseHTML(`<main>${markup}</main>`).document.querySelector('table')?.getAttribute('data-ui') ?? '');
    expect(ui.filters).toEqual([
      { field: 'department', label: '科室', labels: { 'Khoa Nhi': '儿科', ALL: '全院' } },
      // only departments are named by the page; a hospital keeps its name
      { field: 'hospital', label: '医院' },
    ]);
  });
});
