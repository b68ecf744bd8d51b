import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT, type Config } from '../config.ts';
import { PipelineError } from '../errors.ts';

/** The folder of shipped definitions, and the name of the sub-folder a hospital's reference folder may hold. */
export const SHIPPED_SURVEY_DIR = join(PROJECT_ROOT, 'data', 'surveys');
export const SURVEYS_SUBFOLDER = 'surveys';

const wordingSchema = z
  .strictObject({
    vi: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
    zh: z.string().min(1).optional(),
  })
  .refine((w) => w.vi !== undefined || w.en !== undefined || w.zh !== undefined, {
    message: 'needs a wording in at least one of vi, en, zh',
  });

const itemSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'an item code is the q_<code> column without its q_ prefix, in lower case (e.g. a1)')
    .refine((code) => !code.startsWith('q_'), 'an item code is written without its q_ prefix (a1 for the column q_a1)'),
  text: wordingSchema,
});

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`);
    return true;
  } catch {
    return false;
  }
}

const sectionSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'a section code is upper case (A, B, ...); it becomes the dimension of satisfaction_index'),
    title: wordingSchema,
    items: z.array(itemSchema).default([]),
    item_pattern: z
      .string()
      .min(1)
      .refine(isValidPattern, 'item_pattern is not a valid regular expression')
      .optional()
      .describe('item codes the items list does not name that belong here, matched whole (RE2 syntax)'),
  })
  .refine((s) => s.items.length > 0 || s.item_pattern !== undefined, { message: 'a section needs items or an item_pattern' });

const definitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'an id is lower case letters, digits, _, . or -'),
    title: wordingSchema,
    reference: z.string().min(1).optional().describe('where the questionnaire comes from'),
    applies_to: z
      .strictObject({
        patient_type: z.enum(['inpatient', 'outpatient']).optional(),
        sources: z.array(z.string().min(1)).min(1).optional().describe('survey sources (the source column, or the file name)'),
      })
      .default({}),
    scale: z.strictObject({
      min: z.literal(1, 'the contract scale starts at 1'),
      max: z.literal(5, 'the contract scale ends at 5'),
    }),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((definition, context) => {
    const sections = new Set<string>();
    const items = new Map<string, string>();
    definition.sections.forEach((section, s) => {
      if (section.code === 'ALL') context.addIssue({ code: 'custom', path: ['sections', s, 'code'], message: 'ALL is not a section code' });
      if (sections.has(section.code)) {
        context.addIssue({ code: 'custom', path: ['sections', s, 'code'], message: `section ${section.code} appears twice` });
      }
      sections.add(section.code);
      section.items.forEach((item, i) => {
        const other = items.get(item.code);
        if (other !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['sections', s, 'items', i, 'code'],
            message: `item ${item.code} appears twice (also in section ${other})`,
          });
        }
        items.set(item.code, section.code);
      });
    });
  });

export type SurveyWording = z.infer<typeof wordingSchema>;
export type SurveyItem = z.infer<typeof itemSchema>;
export type SurveySection = z.infer<typeof sectionSchema>;

/** One questionnaire: its sections (the dimensions) and items, and which responses it applies to. */
export interface SurveyDefinition extends z.infer<typeof definitionSchema> {
  /** The file it was read from. */
  readonly path: string;
}

function formatIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.length > 0 ? first.path.join('.') : 'the file';
  return `${where}: ${first.message}`;
}

function definitionError(path: string, reason: string): PipelineError {
  return new PipelineError('surveys', `survey definition ${path}: ${reason}`);
}

/**
 * Reads and validates one survey definition file; a problem is one line naming the file and the
 * first offending field.
 *
 * @example readSurveyDefinition('data/surveys/generic.json').sections.map((s) => s.code) // ['A', 'B', 'C', 'D', 'E']
 */
export function readSurveyDefinition(path: string): SurveyDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw definitionError(path, error instanceof SyntaxError ? `not valid JSON (${error.message.split('\n')[0]})` : 'cannot be read');
  }
  const parsed = definitionSchema.safeParse(json);
  if (!parsed.success) throw definitionError(path, formatIssues(parsed.error));
  return { ...parsed.data, path };
}

/** How narrowly a definition says which responses it is for: a source counts 2, a patient type 1. */
export function specificity(definition: Pick<SurveyDefinition, 'applies_to'>): number {
  return (definition.applies_to.sources ? 2 : 0) + (definition.applies_to.patient_type ? 1 : 0);
}

/** Whether two definitions could claim the same response with the same specificity (a tie). */
function overlaps(a: SurveyDefinition, b: SurveyDefinition): boolean {
  const [x, y] = [a.applies_to, b.applies_to];
  if (x.patient_type !== y.patient_type) return false;
  if (x.sources === undefined || y.sources === undefined) return x.sources === y.sources;
  return x.sources.some((source) => y.sources?.includes(source));
}

/**
 * Every survey definition (`*.json`) in the folders, in order. A response is matched to the most
 * specific definition that applies to it (see data/surveys/README.md); so that this choice is
 * never arbitrary, two files of one folder may not tie for the same responses, nor share an id.
 * A later folder (a hospital's own) replaces an earlier folder's definition of the same id and,
 * coming later, wins a tie with one. Missing folders are skipped.
 *
 * @example loadSurveyDefinitions([SHIPPED_SURVEY_DIR]).map((d) => d.id)
 *   // ['generic', 'vn-moh-3869-inpatient', 'vn-moh-3869-outpatient']
 */
export function loadSurveyDefinitions(dirs: readonly string[]): SurveyDefinition[] {
  const byId = new Map<string, SurveyDefinition>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const inFolder: SurveyDefinition[] = [];
    for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
      const definition = readSurveyDefinition(join(dir, name));
      const sameId = inFolder.find((d) => d.id === definition.id);
      if (sameId) throw definitionError(definition.path, `id ${definition.id} is also the id of ${sameId.path}`);
      const tie = inFolder.find((d) => overlaps(d, definition));
      if (tie) throw definitionError(definition.path, `applies_to claims the same responses as ${tie.path}; make them differ`);
      inFolder.push(definition);
    }
    for (const definition of inFolder) {
      byId.delete(definition.id);
      byId.set(definition.id, definition);
    }
  }
  if (byId.size === 0) throw new PipelineError('surveys', `no survey definition (*.json) in ${dirs.join(', ')}`);
  return [...byId.values()];
}

/**
 * Where a run reads survey definitions: the shipped folder, then a `surveys/` folder inside each
 * reference folder the hospital's config adds (`reference_dirs`).
 */
export function surveyDefinitionDirs(config: Pick<Config, 'referenceDirs'>): string[] {
  const added = config.referenceDirs.slice(1).map((dir) => join(dir, SURVEYS_SUBFOLDER));
  return [SHIPPED_SURVEY_DIR, ...added];
}
