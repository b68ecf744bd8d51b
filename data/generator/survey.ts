/**
 * Patient satisfaction survey responses of the Vietnamese hospital (contract 1.2), following the
 * Ministry of Health questionnaires (Decision 3869/QĐ-BYT, 2019): sections A access, B information
 * and procedures, C facilities, D staff attitude and competence, E results of care.
 *
 * Scores come from a latent satisfaction per respondent (hospital level, slow improvement,
 * department effect, personal generosity) plus section and item effects, cut into 1..5 at fixed
 * thresholds, so most answers are 4 or 5. One planted deterioration lowers section C of one
 * department during a renovation.
 */
import { holidayFactor, weekdayFactor } from './calendars.ts';
import { civilFromDay, dayOf, pad, stampOf } from './dates.ts';
import { DEPARTMENTS, type DepartmentSpec } from './departments.ts';
import type { DayRange } from './feedback.ts';
import { SURVEY_PER_DAY } from './hospitals.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { surveyCommentVi } from './text/vi.ts';

export type Section = 'a' | 'b' | 'c' | 'd' | 'e';

/** Item counts per section of each questionnaire, as this sample reads the 2019 forms. */
export const SURVEY_ITEMS: Record<'inpatient' | 'outpatient', Record<Section, number>> = {
  inpatient: { a: 5, b: 5, c: 8, d: 7, e: 4 },
  outpatient: { a: 5, b: 10, c: 8, d: 4, e: 4 },
};

const SECTIONS: readonly Section[] = ['a', 'b', 'c', 'd', 'e'];
const START = dayOf('2024-01-01');

/** The union of item columns, in file order: q_a1..q_a5, q_b1..q_b10, q_c1..q_c8, q_d1..q_d7, q_e1..q_e4. */
export const SURVEY_ITEM_COLUMNS: readonly string[] = SECTIONS.flatMap((s) => {
  const n = Math.max(SURVEY_ITEMS.inpatient[s], SURVEY_ITEMS.outpatient[s]);
  return Array.from({ length: n }, (_, i) => `q_${s}${i + 1}`);
});

interface ItemMeta {
  section: Section;
  /** 1-based number within the section. */
  n: number;
}

const ITEM_META: readonly ItemMeta[] = SURVEY_ITEM_COLUMNS.map((c) => ({ section: c.charAt(2) as Section, n: Number(c.slice(3)) }));

export const SURVEY_COLUMNS: readonly string[] = ['response_id', 'submitted_at', 'department', 'patient_type', 'survey_mode', ...SURVEY_ITEM_COLUMNS, 'overall', 'recommend', 'comment'];

/**
 * How a response was collected, as the hospital's survey team writes it: inpatients mostly asked on
 * the ward, some called after discharge; outpatients at the clinic's kiosk or online by QR code.
 */
const SURVEY_MODES: Record<'inpatient' | 'outpatient', readonly (readonly [string, number])[]> = {
  inpatient: [['Khảo sát tại khoa', 0.7], ['Gọi điện sau ra viện', 0.3]],
  outpatient: [['Ki-ốt', 0.55], ['Online', 0.45]],
};

/**
 * A response's collection mode, drawn from a stream named after its id, so that adding the column
 * leaves every other value of the sample (scores, comments, ids) as it was.
 */
export function surveyModeOf(response: Pick<SurveyResponse, 'responseId' | 'patientType'>): string {
  return new Rng(`survey-mode/${response.responseId}`).weighted(SURVEY_MODES[response.patientType]);
}

const defaults = {
  base: 4.33,
  improvementPerYear: 0.08,
  respondentSd: 0.42,
  itemSd: 0.5,
  sectionEffect: { a: -0.05, b: 0, c: -0.15, d: 0.1, e: 0.02 } as Record<Section, number>,
  /** Waiting at the outpatient clinic pulls access down. */
  outpatientAccess: -0.2,
  itemBlank: 0.025,
  /** Respondents with a bad experience overall, who pull the low end of the scale. */
  unhappyShare: 0.025,
  unhappyShift: -1.6,
  skipSectionE: 0.03,
  commentRate: 0.16,
};

/** The planted deterioration: section C of one department during a ward renovation. */
export const SURVEY_DETERIORATION = {
  plantedId: 'vn-orthopaedics-renovation',
  deptKey: 'orthopaedics',
  department: 'Khoa Ngoại chấn thương',
  section: 'c' as Section,
  start: '2026-06-01',
  end: '2026-07-31',
  drop: 0.85,
  commentRate: 0.35,
  comments: [
    'Khoa đang sửa chữa, bụi và ồn quá.',
    'Tiếng khoan cả ngày, không ngủ được.',
    'Phòng nóng vì đang sửa chữa, không có điều hòa.',
    'Đang thi công nên nhà vệ sinh rất bẩn.',
    'Bụi nhiều, hành lang đầy vật liệu sửa chữa.',
  ],
};

export interface SurveyResponse {
  responseId: string;
  submittedAt: number;
  deptKey: string;
  department: string;
  patientType: 'inpatient' | 'outpatient';
  /** Answers in the order of SURVEY_ITEM_COLUMNS; null = not answered. */
  answers: (number | null)[];
  overall: number | null;
  recommend: number | null;
  comment: string;
  /** Planted problem this response carries a comment for, never written to a file. */
  planted: string | null;
}

function cut(latent: number): number {
  if (latent >= 4.5) return 5;
  if (latent >= 3.5) return 4;
  if (latent >= 2.55) return 3;
  if (latent >= 1.6) return 2;
  return 1;
}

const DETERIORATION_START = dayOf(SURVEY_DETERIORATION.start);
const DETERIORATION_END = dayOf(SURVEY_DETERIORATION.end);

function deteriorationOn(deptKey: string, day: number): number {
  const d = SURVEY_DETERIORATION;
  if (deptKey !== d.deptKey) return 0;
  const start = DETERIORATION_START;
  const end = DETERIORATION_END;
  if (day < start || day > end) return 0;
  const ramp = Math.min(1, 0.5 + (day - start) / 14);
  const tail = Math.min(1, 0.4 + (end - day) / 12);
  return d.drop * Math.min(ramp, tail);
}

function recommendFrom(rng: Rng, overall: number): number {
  const ranges: Record<number, readonly [number, number]> = { 5: [8, 10], 4: [7, 9], 3: [4, 7], 2: [2, 5], 1: [0, 3] };
  const [lo, hi] = ranges[overall] ?? [5, 8];
  return rng.int(lo, hi);
}

/** One respondent of a department on a day (response id left blank). */
export function oneResponse(rng: Rng, dept: DepartmentSpec, day: number): SurveyResponse {
  const type = dept.survey?.type ?? 'inpatient';
  const items = SURVEY_ITEMS[type];
  const years = (day - START) / 365.25;
  const unhappy = rng.chance(defaults.unhappyShare) ? defaults.unhappyShift : 0;
  const person = defaults.base + defaults.improvementPerYear * years + (dept.survey?.effect ?? 0) + unhappy + defaults.respondentSd * rng.normal();
  const drop = deteriorationOn(dept.key, day);
  const skipE = rng.chance(defaults.skipSectionE);
  const answers: (number | null)[] = [];
  let sum = 0;
  let n = 0;
  for (const item of ITEM_META) {
    const s = item.section;
    if (item.n > items[s] || (s === 'e' && skipE) || rng.chance(defaults.itemBlank)) {
      answers.push(null);
      continue;
    }
    const shift = defaults.sectionEffect[s] + (type === 'outpatient' && s === 'a' ? defaults.outpatientAccess : 0) - (s === SURVEY_DETERIORATION.section ? drop : 0);
    const score = cut(person + shift + defaults.itemSd * rng.normal());
    answers.push(score);
    sum += score;
    n++;
  }
  const mean = n > 0 ? sum / n : 4;
  const overall = rng.chance(0.02) ? null : Math.max(1, Math.min(5, Math.round(mean + 0.35 * rng.normal())));
  const recommend = rng.chance(0.06) ? null : recommendFrom(rng, overall ?? Math.round(mean));
  let comment = '';
  let planted: string | null = null;
  if (drop > 0 && rng.chance(SURVEY_DETERIORATION.commentRate)) {
    comment = rng.pick(SURVEY_DETERIORATION.comments);
    planted = SURVEY_DETERIORATION.plantedId;
  } else if (rng.chance(mean < 3.7 ? 0.45 : defaults.commentRate)) {
    comment = surveyCommentVi(rng, dept.key, mean, day);
  }
  const submittedAt = stampOf(day, 0, 0) + (type === 'outpatient' ? rng.int(7 * 60 + 30, 17 * 60) : rng.int(8 * 60, 16 * 60 + 30)) * 60 + rng.int(0, 59);
  return { responseId: '', submittedAt, deptKey: dept.key, department: dept.name, patientType: type, answers, overall, recommend, comment, planted };
}

/** All survey responses in the range, with ids `KS<yymmdd>-<nnnn>` in submission order. */
export function surveyResponses(root: Rng, range: DayRange): SurveyResponse[] {
  const departments = DEPARTMENTS.vn.filter((d) => d.survey !== undefined);
  let totalWeight = 0;
  for (const d of departments) totalWeight += d.survey?.weight ?? 0;
  const out: SurveyResponse[] = [];
  for (let day = range.from; day <= range.to; day++) {
    const { y, m, d } = civilFromDay(day);
    const rng = root.fork(`vn/survey/${y}-${pad(m)}-${pad(d)}`);
    const dayResponses: SurveyResponse[] = [];
    for (const dept of departments) {
      const outpatient = dept.survey?.type === 'outpatient';
      const mean = (SURVEY_PER_DAY * (dept.survey?.weight ?? 0)) / totalWeight * weekdayFactor('vn', day, !outpatient) * holidayFactor('vn', day, false) * range.scale;
      const count = rng.negBinomial(mean, 20);
      for (let i = 0; i < count; i++) dayResponses.push(oneResponse(rng, dept, day));
    }
    dayResponses.sort((p, q) => p.submittedAt - q.submittedAt);
    dayResponses.forEach((r, i) => {
      r.responseId = `KS${pad(y % 100)}${pad(m)}${pad(d)}-${pad(i + 1, 4)}`;
    });
    out.push(...dayResponses);
  }
  return out;
}
