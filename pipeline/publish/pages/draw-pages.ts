import { workerCount, WorkerPool } from '../../workers.ts';
import { drawPage, type PageDrawing } from './page-render.ts';

/**
 * The fewest page files worth render threads: a thread costs about a CPU-second to start (tsx,
 * Plot, linkedom and the pages' modules loaded again), which a site of fewer files does not win
 * back (BENCHMARKS.md, "Site build (issue 14)").
 */
export const THREADED_PAGE_FILES = 24;

/** Render threads worth starting for a site of `files` page files: one per core besides this one's, none for a small site. */
export function renderThreads(files: number): number {
  return files >= THREADED_PAGE_FILES ? workerCount() - 1 : 0;
}

/** Files sent to each render thread ahead of its answers, so it never waits on this thread's own drawing. */
const AHEAD = 2;

/**
 * Draws every page file in every language (drawPage) and hands each file's pages to `done`: this
 * thread and `threads` render threads take the files in turn from one queue. After a failure no
 * further file is taken, and what was under way is waited for before the first failure is thrown.
 */
export async function drawPages<F extends { drawing: PageDrawing }>(
  files: readonly F[],
  done: (file: F, pages: string[]) => Promise<void>,
  threads = renderThreads(files.length),
): Promise<void> {
  const pool = threads > 0 ? new WorkerPool<PageDrawing, string[]>(new URL('./render-worker.ts', import.meta.url), threads, null) : null;
  let next = 0;
  let failed = false;
  const take = (): F | undefined => (failed ? undefined : files[next++]);
  const drawIn = async (draw: (drawing: PageDrawing) => Promise<string[]> | string[]) => {
    try {
      for (let file = take(); file !== undefined; file = take()) await done(file, await draw(file.drawing));
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  try {
    // the threads' loops first, so that they have files before this thread starts drawing its own
    const onThreads = pool === null ? [] : Array.from({ length: threads * AHEAD }, () => drawIn((drawing) => pool.run(drawing)));
    const outcomes = await Promise.allSettled([...onThreads, drawIn(drawPage)]);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  } finally {
    await pool?.close();
  }
}
