// Issue 14 item 5: where each language's pages go and how a page reaches the others and the root.
import { describe, expect, it } from 'vitest';
import { languageFolder, pageFrame, tablesFile } from '../../pipeline/publish/pages/site-page.ts';

describe('languageFolder', () => {
  it('puts the default language at the root and each other in the folder of its code', () => {
    expect(languageFolder('zh', 'zh')).toBe('');
    expect(languageFolder('vi', 'zh')).toBe('vi/');
    expect(languageFolder('en', 'vi')).toBe('en/');
  });
});

describe('pageFrame', () => {
  it('leads from a default-language page at the root to its other languages one folder down', () => {
    // by hand: index.html in zh (the default) is at the root; vi's is vi/index.html
    expect(pageFrame('index.html', 'zh', 'zh', true)).toEqual({
      root: '',
      languages: [
        { lang: 'zh', href: 'index.html' },
        { lang: 'vi', href: 'vi/index.html' },
        { lang: 'en', href: 'en/index.html' },
      ],
      tables: 'index.tables.js',
    });
  });

  it('climbs out of a page’s own folder and its language’s folder to the root', () => {
    // vi/departments/index.cn.html → ../../ is the root; the default language's page is there
    expect(pageFrame('departments/index.cn.html', 'vi', 'en', false)).toEqual({
      root: '../../',
      languages: [
        { lang: 'zh', href: '../../zh/departments/index.cn.html' },
        { lang: 'vi', href: '../../vi/departments/index.cn.html' },
        { lang: 'en', href: '../../departments/index.cn.html' },
      ],
      tables: undefined,
    });
  });
});

describe('tablesFile', () => {
  it('names a page’s tables data beside the default language’s page', () => {
    expect(tablesFile('leadership.east.html')).toBe('leadership.east.tables.js');
    expect(tablesFile('departments/index.html')).toBe('departments/index.tables.js');
  });
});
