import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkSettings, PROJECT_ROOT, type Config, type Language } from '../config.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t } from '../i18n.ts';

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
    message: 'survey.wording',
  });

const itemSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'survey.itemCode')
    .refine((code) => !code.startsWith('q_'), 'survey.itemPrefix'),
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
      .regex(/^[A-Z][A-Z0-9_]*$/, 'survey.sectionCode'),
    title: wordingSchema,
    items: z.array(itemSchema).default([]),
    item_pattern: z
      .string()
      .min(1)
      .refine(isValidPattern, 'survey.itemPattern')
      .optional()
      .describe('item codes the items list does not name that belong here, matched whole (RE2 syntax)'),
  })
  .refine((s) => s.items.length > 0 || s.item_pattern !== undefined, { message: 'survey.sectionEmpty' });

const definitionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'survey.id'),
    title: wordingSchema,
    reference: z.string().min(1).optional().describe('where the questionnaire comes from'),
    applies_to: z
      .strictObject({
        patient_type: z.enum(['inpatient', 'outpatient']).optional(),
        sources: z.array(z.string().min(1)).min(1).optional().describe('survey sources (the source column, or the file name)'),
      })
      .default({}),
    scale: z.strictObject({
      min: z.literal(1, 'survey.scaleMin'),
      max: z.literal(5, 'survey.scaleMax'),
    }),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((definition, context) => {
    const sections = new Set<string>();
    const items = new Map<string, string>();
    definition.sections.forEach((section, s) => {
      if (section.code === 'ALL') context.addIssue({ code: 'custom', path: ['sections', s, 'code'], message: 'survey.allSection' });
      if (sections.has(section.code)) {
        context.addIssue({ code: 'custom', path: ['sections', s, 'code'], message: 'survey.sectionTwice', params: { section: section.code } });
      }
      sections.add(section.code);
      section.items.forEach((item, i) => {
        const other = items.get(item.code);
        if (other !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['sections', s, 'items', i, 'code'],
            message: 'survey.itemTwice',
            params: { item: item.code, section: other },
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

/** A definition the user must mend: one line naming the file, in the reader's language (exit 2, as for any settings file). */
function definitionError(path: string, detail: string, language: Language): PipelineError {
  return new PipelineError('surveys', t(language, 'survey.invalid', { path, detail }), EXIT_USAGE);
}

/**
 * Reads and validates one survey definition file; a problem is one line naming the file and the
 * first offending field, in `language`.
 *
 * @example readSurveyDefinition('data/surveys/generic.json', 'en').sections.map((s) => s.code) // ['A', 'B', 'C', 'D', 'E']
 */
export function readSurveyDefinition(path: string, language: Language): SurveyDefinition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? t(language, 'survey.notJson', { reason: error.message.split('\n')[0] ?? '' }) : t(language, 'survey.unreadable');
    throw definitionError(path, reason, language);
  }
  const parsed = checkSettings(definitionSchema, json, language);
  if (!parsed.ok) throw definitionError(path, parsed.problem, language);
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
 * A problem is told in `language`.
 *
 * @example loadSurveyDefinitions([SHIPPED_SURVEY_DIR], 'en').map((d) => d.id)
 *   // ['generic', 'vn-moh-3869-inpatient', 'vn-moh-3869-outpatient']
 */
export function loadSurveyDefinitions(dirs: readonly string[], language: Language): SurveyDefinition[] {
  const byId = new Map<string, SurveyDefinition>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const inFolder: SurveyDefinition[] = [];
    for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
      const definition = readSurveyDefinition(join(dir, name), language);
      const sameId = inFolder.find((d) => d.id === definition.id);
      if (sameId) throw definitionError(definition.path, t(language, 'survey.sameId', { id: definition.id, other: sameId.path }), language);
      const tie = inFolder.find((d) => overlaps(d, definition));
      if (tie) throw definitionError(definition.path, t(language, 'survey.tie', { other: tie.path }), language);
      inFolder.push(definition);
    }
    for (const definition of inFolder) {
      byId.delete(definition.id);
      byId.set(definition.id, definition);
    }
  }
  if (byId.size === 0) throw new PipelineError('surveys', t(language, 'survey.none', { dirs: dirs.join(', ') }), EXIT_USAGE);
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
