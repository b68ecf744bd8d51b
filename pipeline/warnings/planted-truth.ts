import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { checkSettings, type Language } from '../config.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { GroundTruth } from './kind-evaluation.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'truth.date');
const names = z.array(z.string()).default([]);

const decoy = z.object({
  id: z.string(),
  hospital: z.string(),
  sources: names,
  departments: names,
  keywords: names,
  start: day,
  end: day,
  record_ids: names,
});

/**
 * A planted-truth file, the form the sample generator writes (`data/sample/planted.json`): the
 * planted problems, the planted serious events, and the decoys (`normal_rises`, seasons, rebounds
 * and large steady departments; `decoys`, one-day blips and harmless senses of serious words).
 * Other keys are ignored.
 */
const truthSchema = z.object({
  planted: z.array(
    z.object({
      id: z.string(),
      hospital: z.string(),
      sources: names,
      onset: day,
      record_ids: z.array(z.string()),
      survey: z.object({ department: z.string(), section: z.string(), start: day, end: day }).optional(),
    }),
  ),
  sentinels: z.array(z.object({ id: z.string(), hospital: z.string(), record_id: z.string(), source: z.string().optional(), day })).optional(),
  normal_rises: z.array(decoy).default([]),
  decoys: z.array(decoy).default([]),
});

/**
 * Reads a planted-truth file for `backtest --evaluate`. A file that is missing, not JSON or not of
 * this form is the user's to fix: one line naming the file and the first problem, in `language`, exit 2.
 *
 * @example await readPlantedTruth('data/sample/planted.json', 'en') // { planted: [9 problems], sentinels: [7], decoys: [46] }
 */
export async function readPlantedTruth(path: string, language: Language): Promise<GroundTruth> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PipelineError('backtest', t(language, error instanceof SyntaxError ? 'truth.notJson' : 'truth.unreadable', { path }), EXIT_USAGE);
  }
  const parsed = checkSettings(truthSchema, json, language);
  if (!parsed.ok) throw new PipelineError('backtest', t(language, 'truth.invalid', { path, detail: parsed.problem }), EXIT_USAGE);
  const { planted, sentinels, normal_rises, decoys } = parsed.data;
  return { planted, ...(sentinels === undefined ? {} : { sentinels }), decoys: [...normal_rises, ...decoys] };
}
