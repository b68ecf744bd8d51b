import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

interface TaskMessage<T> {
  id: number;
  task: T;
}

type ReplyMessage<R> = { id: number; result: R } | { id: number; error: string } | { ready: true };

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

  constructor(entry: URL, size: number, setup: unknown) {
    const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(bootstrap, { workerData: { entry: entry.href, setup } });
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

/** Inside a worker: the setup the pool was created with. */
export function workerSetup<S>(): S {
  return (workerData as { setup: S }).setup;
}

/** Inside a worker: answers each task with `handle`'s result, or its error's message; says first that it is ready. */
export function serveTasks<T, R>(handle: (task: T) => R): void {
  if (parentPort === null) throw new Error('serveTasks must run in a worker thread');
  const port = parentPort;
  port.on('message', ({ id, task }: TaskMessage<T>) => {
    try {
      port.postMessage({ id, result: handle(task) } satisfies ReplyMessage<R>);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ReplyMessage<R>);
    }
  });
  port.postMessage({ ready: true } satisfies ReplyMessage<R>);
}
