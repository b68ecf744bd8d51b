import type { EarlyWarningSettings } from '../config.ts';
import { assessmentDefaults, type AssessmentOptions } from '../detect/week-assessment.ts';

/** How the weekly series of the warehouse become warnings. */
export interface DetectionSettings {
  /** False discovery rate controlled across the cells tested in one week (Benjamini–Hochberg). */
  fdr: number;
  assessment: AssessmentOptions;
  /** Keywords per warning. */
  keywords: number;
  /**
   * A signal group becomes a warning when it is corroborated: seen through two views (a
   * department's category, a place, a word, the hospital's category), or its cell was already up
   * the week before (p ≤ previousWeekP).
   */
  previousWeekP: number;
  /**
   * A new warning needs stronger evidence than an open one needs to go on: a signal with a
   * q-value at most this (an open warning's cells go on at `fdr`). Hundreds of cells are tested a
   * week, and a few complaints against a fraction expected pass the FDR by chance clustering; a
   * problem that builds up soon passes this too, and then goes on at `fdr`.
   */
  openFdr: number;
  /**
   * ...and complaints received on at least this many days: a burst on one day is one incident,
   * already in the hands of whoever took the calls, not a problem that goes on.
   */
  openDays: number;
  /**
   * A word is an emerging term while it is still rare: its cell is tested only in weeks whose
   * expectation is below this many complaints. A common word going up is a rise of a known
   * problem, which its department's and its place's cells see.
   */
  emergingBelow: number;
  /**
   * Weeks a department's or the hospital's category is judged over besides the week alone: 2 adds
   * the two weeks to it (twoWeekPValue), 1 judges weeks alone.
   */
  riseWeeks: number;
  /** The two weeks are judged only where the cell expects at least this many complaints a week: a rise needs a level to rise from. */
  riseFrom: number;
  /**
   * A place's first complaints are tested below the guard from this many in a week (0: never): a
   * new place has no usual ups and downs for the guard to hold back (firstComplaints).
   */
  newPlaceCases: number;
}

export const detectionDefaults: Readonly<DetectionSettings> = Object.freeze({
  fdr: 0.05,
  assessment: assessmentDefaults,
  keywords: 5,
  previousWeekP: 0.01,
  openFdr: 0.01,
  openDays: 2,
  emergingBelow: 1,
  riseWeeks: 2,
  riseFrom: 0.5,
  newPlaceCases: 3,
});

/** The settings of a run: the hospital's early_warning section over detectionDefaults. */
export function detectionSettings(given: EarlyWarningSettings): DetectionSettings {
  const d = detectionDefaults;
  return {
    ...d,
    fdr: given.fdr ?? d.fdr,
    previousWeekP: given.previous_week_p ?? d.previousWeekP,
    openFdr: given.open_fdr ?? d.openFdr,
    openDays: given.open_days ?? d.openDays,
    emergingBelow: given.emerging_below ?? d.emergingBelow,
    riseWeeks: given.rise_weeks ?? d.riseWeeks,
    newPlaceCases: given.new_place_cases ?? d.newPlaceCases,
    assessment: {
      farringtonYears: given.farrington_years ?? d.assessment.farringtonYears,
      guard: { cases: given.guard_cases ?? d.assessment.guard.cases, weeks: given.guard_weeks ?? d.assessment.guard.weeks },
      farringtonAlpha: given.farrington_alpha ?? d.assessment.farringtonAlpha,
      earsAlpha: given.ears_alpha ?? d.assessment.earsAlpha,
    },
  };
}
