// The inside of a worker thread the WorkerPool (workers.ts) started: kept apart from the pool, so a
// worker's bundle holds neither the pool nor the compiler that builds it.
import { parentPort, workerData } from 'node:worker_threads';

export interface TaskMessage<T> {
  id: number;
  task: T;
}

export type ReplyMessage<R> = { id: number; result: R } | { id: number; error: string } | { ready: true };

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
