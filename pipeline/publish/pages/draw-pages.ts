import { setImmediate } from 'node:timers/promises';
import { workerCount, WorkerPool } from '../../workers.ts';
import { drawPage, type DrawnPage, type PageDrawing } from './page-render.ts';

/**
 * The fewest page files worth render threads. A thread started from the compiled bundle
 * (WorkerPool.start) takes 0.3–0.4 CPU-s to load Plot, linkedom and the pages' modules (1.7 when
 * each thread registered tsx); a file takes about 0.065 CPU-s in its three languages (the sample:
 * 7.1 CPU-s for 109 files on one thread). On an idle core a thread pays from about 7 files; 32 keeps
 * it to sites where it saves most of a second, since on a busy machine (the test suite) the
 * thread's load is extra CPU with no core to gain (BENCHMARKS.md, "Site build (issue 14)").
 */
export const THREADED_PAGE_FILES = 32;

/** Render threads worth starting for a site of `files` page files: one per core besides this one's, none for a small site. */
export function renderThreads(files: number): number {
  return files >= THREADED_PAGE_FILES ? workerCount() - 1 : 0;
}

/** Threads that draw page files (render-worker.ts). */
export type RenderThreads = WorkerPool<PageDrawing, DrawnPage>;

/**
 * The render threads for a site of at least `pageFiles` page files (renderThreads), or null. Started
 * before the pages' data is read, they load while the publisher does other work; the caller closes them.
 */
export async function startRenderThreads(pageFiles: number, threads = renderThreads(pageFiles)): Promise<RenderThreads | null> {
  return threads > 0 ? WorkerPool.start<PageDrawing, DrawnPage>(new URL('./render-worker.ts', import.meta.url), threads, null) : null;
}

/** Files sent to each render thread ahead of its answers, so that it does not wait while this thread draws. */
const AHEAD = 2;

/**
 * Draws every page file in every language (drawPage) and hands each file drawn to `done`: this
 * thread and the render threads take the files in turn from one queue. After a failure no further
 * file is taken, and what was under way is waited for before the first failure is thrown.
 */
export async function drawPages<F extends { drawing: PageDrawing }>(files: readonly F[], done: (file: F, drawn: DrawnPage) => Promise<void>, threads: RenderThreads | null): Promise<void> {
  let next = 0;
  let failed = false;
  const take = (): F | undefined => (failed ? undefined : files[next++]);
  const drawIn = async (draw: (drawing: PageDrawing) => Promise<DrawnPage> | DrawnPage) => {
    try {
      for (let file = take(); file !== undefined; file = take()) {
        await done(file, await draw(file.drawing));
        // a turn of the event loop between files, whatever `done` does: the threads' answers come in, and they are sent more
        await setImmediate();
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const here = drawIn(drawPage);
  // a thread takes files only once it has loaded: under load its start can outlast this thread's
  // drawing of every file, and then it takes none rather than be waited for
  const onThreads =
    threads === null
      ? []
      : Array.from({ length: threads.size * AHEAD }, async () => {
          await Promise.race([threads.ready, here.catch(() => undefined)]);
          await drawIn((drawing) => threads.run(drawing));
        });
  const outcomes = await Promise.allSettled([here, ...onThreads]);
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
