// A worker thread's first module: the main thread runs TypeScript through tsx, but a worker starts
// a fresh module loader, so it registers tsx again before importing its TypeScript entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
