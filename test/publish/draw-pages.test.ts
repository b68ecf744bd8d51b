import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { DepartmentIndexData } from '../../dashboards/department-page.ts';
import { drawPages, renderThreads, startRenderThreads, THREADED_PAGE_FILES, type RenderThreads } from '../../pipeline/publish/pages/draw-pages.ts';
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

/**
 * Each file's pages as drawPages hands them over, by path. With `heldFor`, the first file's hand-over
 * waits until that file has been handed over too: this thread is held, so a render thread (once
 * loaded) draws every file between.
 */
async function drawn(of: readonly { drawing: PageDrawing }[], threads: number, heldFor?: string): Promise<Map<string, string[]>> {
  const pages = new Map<string, string[]>();
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const pool = await startRenderThreads(of.length, threads);
  try {
    await drawPages(
      of,
      async (file, { pages: html }) => {
        pages.set(file.drawing.path, html);
        if (file.drawing.path === heldFor) release();
        if (heldFor !== undefined && file === of[0]) await released;
      },
      pool,
    );
  } finally {
    await pool?.close();
  }
  return pages;
}

describe('drawPage', () => {
  it('draws a file in zh, vi and en, its departments named in each', () => {
    const [zh, vi, en] = drawPage(files[0]!.drawing).pages;
    expect(zh).toContain('<html lang="zh">');
    expect(vi).toContain('<html lang="vi">');
    expect(en).toContain('<html lang="en">');
    expect(zh).toContain('<h1>急诊科');
    expect(vi).toContain('<h1>Khoa Cấp cứu');
    expect(en).toContain('<h1>Emergency');
    // the chart of complaints by category, with its numbers' table
    expect(en).toContain('<svg');
  });

  it('reuses the figures the file showed before, in every language, and lists them for the next site', () => {
    const plain = drawPage(files[0]!.drawing).pages;
    const first = drawPage({ ...files[0]!.drawing, charts: { code: 'code-1', known: {} } });
    expect(first.pages).toEqual(plain);
    // one chart (complaints by category) in three languages
    expect(Object.keys(first.figures)).toHaveLength(3);
    const again = drawPage({ ...files[0]!.drawing, charts: { code: 'code-1', known: first.figures } });
    expect(again).toEqual(first);
    // a figure under its digest is taken as it is, not drawn: here a stand-in, in each language's page
    const standIns = Object.fromEntries(Object.keys(first.figures).map((digest, i) => [digest, `<figure>kept ${i}</figure>`]));
    const kept = drawPage({ ...files[0]!.drawing, charts: { code: 'code-1', known: standIns } });
    expect(kept.pages.map((page) => /<figure>kept \d<\/figure>/.exec(page)?.[0])).toEqual(['<figure>kept 0</figure>', '<figure>kept 1</figure>', '<figure>kept 2</figure>']);
    expect(kept.pages.every((page) => !page.includes('<svg'))).toBe(true);
    // another drawing code draws them again
    expect(drawPage({ ...files[0]!.drawing, charts: { code: 'code-2', known: standIns } }).pages).toEqual(plain);
  });
});

describe('drawPages', () => {
  const threeFiles = [files[1]!, files[0]!, drawing('departments/again.html', 'department', department)];

  it('gives the same bytes drawn on a render thread as drawn here', async () => {
    const here = await drawn(threeFiles, 0);
    // this thread draws the index and is held there; the render thread draws the two department pages
    const threaded = await drawn(threeFiles, 1, 'departments/again.html');
    expect([...threaded.keys()]).toEqual(['departments/index.html', 'departments/emergency.html', 'departments/again.html']);
    expect([...here.keys()]).toEqual([...threaded.keys()]);
    for (const file of threeFiles) {
      expect(threaded.get(file.drawing.path)).toEqual(here.get(file.drawing.path));
      expect(here.get(file.drawing.path)).toEqual(drawPage(file.drawing).pages);
    }
  });

  it('reuses the figures a file showed before on a render thread too', async () => {
    const { figures } = drawPage({ ...files[0]!.drawing, charts: { code: 'code-1', known: {} } });
    const standIns = Object.fromEntries(Object.keys(figures).map((digest) => [digest, '<figure>kept</figure>']));
    const kept = { drawing: { ...files[0]!.drawing, path: 'departments/kept.html', charts: { code: 'code-1', known: standIns } } };
    // this thread is held on the index, so the render thread draws the department page
    const pages = await drawn([files[1]!, kept], 1, 'departments/kept.html');
    expect(pages.get('departments/kept.html')!.map((page) => page.includes('<figure>kept</figure>') && !page.includes('<svg'))).toEqual([true, true, true]);
  });

  it('fails with a render thread’s one-line message', async () => {
    const broken = drawing('broken.html', 'nope' as PageDrawing['kind'], {});
    // the render thread takes the broken file and the last one, while this thread is held on the first
    await expect(drawn([files[1]!, broken, files[0]!], 1, files[0]!.drawing.path)).rejects.toThrow(/^render is not a function$/);
  });

  it('takes no file after a failure', async () => {
    let handed = 0;
    const failing = async () => {
      handed += 1;
      throw new Error('disk full');
    };
    await expect(drawPages([files[1]!, files[1]!, files[1]!], failing, null)).rejects.toThrow('disk full');
    expect(handed).toBe(1);
  });

  it('does not wait for a render thread that has not loaded when this thread has drawn every file', async () => {
    // a thread that never loads: every file must be drawn here, and no task sent to it
    let sent = 0;
    const neverLoaded = {
      size: 1,
      ready: new Promise<void>(() => undefined),
      run: async () => {
        sent += 1;
        return [];
      },
    } as unknown as RenderThreads;
    const pages = new Map<string, string[]>();
    await drawPages(threeFiles, async (file, { pages: html }) => void pages.set(file.drawing.path, html), neverLoaded);
    expect([...pages.keys()]).toEqual(threeFiles.map((file) => file.drawing.path));
    expect(sent).toBe(0);
  });
});

describe('renderThreads', () => {
  it('starts none for a small site and one per other core for a large one', async () => {
    expect(renderThreads(1)).toBe(0);
    expect(renderThreads(THREADED_PAGE_FILES - 1)).toBe(0);
    expect(renderThreads(THREADED_PAGE_FILES)).toBe(Math.min(4, availableParallelism()) - 1);
    expect(await startRenderThreads(THREADED_PAGE_FILES - 1)).toBeNull();
  });
});
