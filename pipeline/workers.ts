import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundleWorkerEntry } from './worker-bundle.ts';
import type { ReplyMessage, TaskMessage } from './worker-thread.ts';

/** Flags that load modules before the main one (tsx's --require and --import, when run through `tsx`). */
const LOADER_FLAGS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader']);

/**
 * A process's Node flags without its module loaders, for its worker threads: a thread inherits
 * them, and tsx's would start a loader thread in every worker, which runs compiled JavaScript.
 *
 * @example workerFlags(['--require', 'tsx/preflight.cjs', '--import', 'tsx/loader.mjs', '--cpu-prof']) // ['--cpu-prof']
 */
export function workerFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (LOADER_FLAGS.has(flag)) i++;
    else if (![...LOADER_FLAGS].some((loader) => flag.startsWith(`${loader}=`))) flags.push(flag);
  }
  return flags;
}

/** Threads worth starting: one per core, at most `limit`. */
export function workerCount(limit = 4): number {
  return Math.max(1, Math.min(limit, availableParallelism()));
}

/**
 * A fixed set of worker threads running one TypeScript module, each task sent to the thread with
 * the fewest tasks outstanding. Tasks and results are structured-cloned. A worker that throws fails
 * that task's promise with its message; a worker that dies fails every task it held. A task sent
 * before its worker has loaded waits for it (`ready` tells when every worker has).
 */
export class WorkerPool<T, R> {
  private readonly workers: { worker: Worker; pending: Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>; loaded: Promise<void> }[];
  private nextId = 0;

  /** `size` threads running `entry`, compiled to JavaScript once for all of them. */
  static async start<T, R>(entry: URL, size: number, setup: unknown): Promise<WorkerPool<T, R>> {
    return new WorkerPool<T, R>(await bundleWorkerEntry(entry), size, setup);
  }

  private constructor(script: URL, size: number, setup: unknown) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: { setup }, execArgv: workerFlags() });
      let loaded!: { resolve: () => void; reject: (e: Error) => void };
      const slot = {
        worker,
        pending: new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>(),
        loaded: new Promise<void>((resolve, reject) => (loaded = { resolve, reject })),
      };
      // awaited only by those who ask (ready): a worker that fails to load also fails its tasks
      slot.loaded.catch(() => undefined);
      worker.on('message', (message: ReplyMessage<R>) => {
        if ('ready' in message) return loaded.resolve();
        const waiting = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        if ('error' in message) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.result);
      });
      const failAll = (error: Error): void => {
        loaded.reject(error);
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => {
        if (code !== 0) failAll(new Error(`worker stopped with exit code ${code}`));
      });
      return slot;
    });
  }

  /** How many workers it runs. */
  get size(): number {
    return this.workers.length;
  }

  /** Settles when every worker has loaded its module and serves tasks, or fails with the first that could not. */
  get ready(): Promise<void> {
    return Promise.all(this.workers.map((slot) => slot.loaded)).then(() => undefined);
  }

  run(task: T): Promise<R> {
    const slot = this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task } satisfies TaskMessage<T>);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
