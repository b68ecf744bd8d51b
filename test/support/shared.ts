import { resolve } from 'node:path';

/** The read-only shared folder beside the project (../shared): contract, vectors, real data sets. */
export const SHARED = resolve(import.meta.dirname, '../../../shared');
