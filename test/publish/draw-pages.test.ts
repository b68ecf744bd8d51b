import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { DepartmentIndexData } from '../../dashboards/department-page.ts';
import { drawPages, renderThreads, THREADED_PAGE_FILES } from '../../pipeline/publish/pages/draw-pages.ts';
import { drawPage, type DepartmentPageData, type PageDrawing } from '../../pipeline/publish/pages/page-render.ts';

/** 急诊科 is named in each page's language; the page's own data keep the hospital's name. */
const names = new Map([['急诊科', { zh: '急诊科', vi: 'Khoa Cấp cứu', en: 'Emergency' }]]);

const department: DepartmentPageData = {
  pack: {
    hospital: '江州市第一人民医院',
    department: '急诊科',
    as_of: '2025-06-30',
    generated_at: '2025-06-30T12:00:00+08:00',
    warnings: [],
    kpis: { month: '2025-05', received: 40, response_rate: 97.5, resolution_rate: 90, within_sla_rate: null },
  },
  trends: {
    satisfaction: [],
    rates: [],
    // complaints by category over three months: a chart drawn by Plot, on whichever thread draws the page
    categories: [
      { month: '2025-03', category: 'process', complaints: 4 },
      { month: '2025-04', category: 'process', complaints: 7 },
      { month: '2025-05', category: 'staff', complaints: 2 },
    ],
  },
  build: { hospital: '江州市第一人民医院', runId: 'run-1', timeZone: 'Asia/Shanghai', index: 'index.html' },
};

const index: DepartmentIndexData = {
  hospital: null,
  asOf: '2025-06-30',
  generatedAt: '2025-06-30T12:00:00+08:00',
  runId: 'run-1',
  timeZone: 'Asia/Shanghai',
  packs: [{ slug: 'emergency', pack: department.pack }],
  hospitalWide: [],
};

const drawing = (path: string, kind: PageDrawing['kind'], data: unknown): { drawing: PageDrawing } => ({
  drawing: { kind, path, data, names, hasTables: false, defaultLanguage: 'en' },
});

const files = [drawing('departments/emergency.html', 'department', department), drawing('departments/index.html', 'department index', index)];

/** Each file's pages as drawPages hands them over, by path. */
async function drawn(threads: number, of = files): Promise<Map<string, string[]>> {
  const pages = new Map<string, string[]>();
  await drawPages(of, async (file, html) => void pages.set(file.drawing.path, html), threads);
  return pages;
}

describe('drawPage', () => {
  it('draws a file in zh, vi and en, its departments named in each', () => {
    const [zh, vi, en] = drawPage(files[0]!.drawing);
    expect(zh).toContain('<html lang="zh">');
    expect(vi).toContain('<html lang="vi">');
    expect(en).toContain('<html lang="en">');
    expect(zh).toContain('<h1>急诊科');
    expect(vi).toContain('<h1>Khoa Cấp cứu');
    expect(en).toContain('<h1>Emergency');
    // the chart of complaints by category, with its numbers' table
    expect(en).toContain('<svg');
  });
});

describe('drawPages', () => {
  it('gives the same bytes drawn on a render thread as drawn here', async () => {
    const here = await drawn(0);
    const threaded = await drawn(1);
    expect([...threaded.keys()].sort()).toEqual(['departments/emergency.html', 'departments/index.html']);
    for (const file of files) {
      expect(threaded.get(file.drawing.path)).toEqual(here.get(file.drawing.path));
      expect(here.get(file.drawing.path)).toEqual(drawPage(file.drawing));
    }
  });

  it('fails with a render thread’s one-line message', async () => {
    const broken = drawing('broken.html', 'nope' as PageDrawing['kind'], {});
    const pages = new Map<string, string[]>();
    await expect(drawPages([broken, files[1]!], async (file, html) => void pages.set(file.drawing.path, html), 1)).rejects.toThrow(/^render is not a function$/);
    expect(pages.has('broken.html')).toBe(false);
  });

  it('takes no file after a failure', async () => {
    let handed = 0;
    const failing = async () => {
      handed += 1;
      throw new Error('disk full');
    };
    await expect(drawPages([files[1]!, files[1]!, files[1]!], failing, 0)).rejects.toThrow('disk full');
    expect(handed).toBe(1);
  });
});

describe('renderThreads', () => {
  it('starts none for a small site and one per other core for a large one', () => {
    expect(renderThreads(1)).toBe(0);
    expect(renderThreads(THREADED_PAGE_FILES - 1)).toBe(0);
    expect(renderThreads(THREADED_PAGE_FILES)).toBe(Math.min(4, availableParallelism()) - 1);
  });
});
