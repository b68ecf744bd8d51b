/**
 * How a feedback case is handled over time, and what an export taken at a given moment shows.
 *
 * Response and resolution delays are log-normal, with medians from the practice the sample
 * imitates: process complaints are fixed within about three days, attitude and facility ones
 * within a week, cost and quality ones take longer and are sometimes escalated; 12345 work
 * orders get a first call within hours. A case still open at export time shows received,
 * verifying, handling or replied; the satisfaction call-back comes a day or two after closure.
 * Every complaint is eventually closed, as in a working office: one answered without being closed
 * is closed about a week later, an escalated one some two weeks after its escalation, and a policy
 * matter referred to an outside authority (mostly insurance and fees) a month or so later. So the
 * cases open at export time are mostly recent, and the few past their due date are the slow tail.
 * The callback records `solved` beside `satisfied`: usually solved when satisfied, often not when not.
 */
import type { Rng } from '../../pipeline/detect/prng.ts';
import type { Category, Kind, Lifecycle, Satisfied, Solved, Status } from './model.ts';

const HOUR = 3600;
const DAY = 86_400;

const defaults = {
  /** Median days from receipt to resolution, and log-scale spread, per complaint category. */
  resolveDays: { process: [1.2, 0.55], attitude: [2.5, 0.6], facility: [3, 0.8], quality: [9, 0.6], cost: [6, 0.7] } as Record<Category, [number, number]>,
  escalate: { process: 0.01, attitude: 0.02, facility: 0.02, quality: 0.08, cost: 0.07 } as Record<Category, number>,
  repliedOnly: { process: 0.04, attitude: 0.05, facility: 0.05, quality: 0.05, cost: 0.1 } as Record<Category, number>,
  /** Share of complaints that turn on national or local policy and are referred upward. */
  referred: { process: 0.01, attitude: 0, facility: 0.005, quality: 0.01, cost: 0.05 } as Record<Category, number>,
  /** Median days (and log-scale spread) from answer to closure of a case answered first, from escalation or referral to resolution. */
  closeAfterReply: [6, 0.5] as [number, number],
  closeAfterEscalation: [12, 0.5] as [number, number],
  closeAfterReferral: [30, 0.5] as [number, number],
  /** Days after closure before the satisfaction call-back is recorded. */
  callbackDays: 1.5,
};

/** The callback's `solved` beside its `satisfied`: a satisfied patient's problem is mostly solved, a dissatisfied one's often not. */
function solvedOf(rng: Rng, satisfied: Satisfied): Solved {
  if (satisfied === 'yes') return rng.chance(0.95) ? 'yes' : 'no';
  if (satisfied === 'no') return rng.chance(0.35) ? 'yes' : 'no';
  return '';
}

function respondMedianHours(source: string, channel: string): number {
  if (source === 'gov_12345') return 5;
  if (channel === 'hotline' || channel === 'walk_in') return 2.5;
  if (channel === 'suggestion_box') return 40;
  return 18;
}

function satisfaction(rng: Rng, outcome: Lifecycle['outcome'], gov: boolean): Satisfied {
  if (outcome === 'closed') {
    return gov
      ? rng.weighted([['yes', 78], ['no', 14], ['pending', 3], ['', 5]] as const)
      : rng.weighted([['yes', 62], ['no', 10], ['pending', 5], ['', 23]] as const);
  }
  if (outcome === 'replied') return rng.weighted([['no', 35], ['yes', 20], ['pending', 20], ['', 25]] as const);
  return rng.weighted([['no', 40], ['pending', 40], ['', 20]] as const);
}

/** The full handling history of a case received at `receivedAt`. */
export function lifecycle(rng: Rng, receivedAt: number, kind: Kind, category: Category, source: string, channel: string, slowdown = 1): Lifecycle {
  const gov = source === 'gov_12345';
  const verifyAfter = Math.round(Math.min(20 * HOUR, rng.lognormal(1.5, 0.8) * HOUR));
  const midStatus = rng.chance(0.7) ? 'handling' : 'replied';
  const openSatisfied: Satisfied = rng.chance(0.5) ? 'pending' : '';

  if (kind === 'consultation') {
    const responded = receivedAt + Math.round(Math.min(3 * DAY, rng.lognormal(gov ? 4 : 1.2, 0.9) * HOUR));
    const resolved = responded + (rng.chance(0.7) ? 0 : rng.int(5, 120) * 60);
    return { verifyAfter, respondedAt: responded, resolvedAt: resolved, outcome: 'closed', escalatedAt: null, referredAt: null, satisfied: rng.weighted([['', 65], ['yes', 30], ['no', 5]] as const), solved: '', midStatus, openSatisfied };
  }
  if (kind === 'praise') {
    const responded = rng.chance(0.4) ? receivedAt + Math.round(rng.lognormal(1.5, 0.6) * DAY) : null;
    const resolved = Math.max(responded ?? 0, receivedAt + Math.round(rng.lognormal(1, 0.7) * DAY));
    return { verifyAfter, respondedAt: responded, resolvedAt: resolved, outcome: 'closed', escalatedAt: null, referredAt: null, satisfied: '', solved: '', midStatus, openSatisfied: '' };
  }
  if (kind === 'suggestion') {
    const responded = rng.chance(0.65) ? receivedAt + Math.round(rng.lognormal(2.5, 0.7) * DAY) : null;
    const resolved = rng.chance(0.75) ? Math.max(responded ?? 0, receivedAt + Math.round(rng.lognormal(8, 0.8) * DAY)) : null;
    return { verifyAfter, respondedAt: responded, resolvedAt: resolved, outcome: resolved === null ? 'replied' : 'closed', escalatedAt: null, referredAt: null, satisfied: rng.weighted([['', 70], ['yes', 22], ['no', 8]] as const), solved: '', midStatus, openSatisfied };
  }

  const respondedAt = receivedAt + Math.round(Math.min(6 * DAY, rng.lognormal(respondMedianHours(source, channel), 0.9) * HOUR));
  const [median, sigma] = defaults.resolveDays[category];
  const u = rng.next();
  let outcome: Lifecycle['outcome'] = 'closed';
  if (u < defaults.escalate[category]) outcome = 'escalated';
  else if (u < defaults.escalate[category] + defaults.repliedOnly[category]) outcome = 'replied';

  // the fate of the case draws from its own stream, so the rest of the sample stays as it was
  const fate = rng.fork(`handling/${source}/${category}/${receivedAt}`);
  if (outcome === 'closed' && fate.chance(defaults.referred[category])) outcome = 'referred';
  const after = (from: number, [days, spread]: [number, number]) => from + Math.round(fate.lognormal(days, spread) * DAY);

  let resolvedAt: number | null = null;
  let escalatedAt: number | null = null;
  let referredAt: number | null = null;
  if (outcome === 'closed') {
    const days = rng.lognormal(median * (gov ? 0.85 : 1) * slowdown, sigma);
    resolvedAt = Math.max(respondedAt + rng.int(10, 240) * 60, receivedAt + Math.round(days * DAY));
  } else if (outcome === 'escalated') {
    escalatedAt = respondedAt + Math.round(rng.lognormal(2, 0.6) * DAY);
    // half are settled within weeks; the other half take the leadership a month or more
    resolvedAt = rng.chance(0.5) ? escalatedAt + Math.round(rng.lognormal(30, 0.5) * DAY) : after(escalatedAt, defaults.closeAfterEscalation);
  } else if (outcome === 'replied') {
    resolvedAt = after(respondedAt, defaults.closeAfterReply);
  } else {
    referredAt = respondedAt + Math.round(fate.lognormal(1, 0.5) * DAY);
    resolvedAt = after(referredAt, defaults.closeAfterReferral);
  }
  const satisfied = satisfaction(rng, outcome === 'referred' ? 'closed' : outcome, gov);
  return { verifyAfter, respondedAt, resolvedAt, outcome, escalatedAt, referredAt, satisfied, solved: solvedOf(fate, satisfied), midStatus, openSatisfied };
}

export interface HandlingView {
  status: Status;
  respondedAt: number | null;
  resolvedAt: number | null;
  satisfied: Satisfied;
  solved: Solved;
}

/** What an export taken at `asOf` shows of a case. */
export function snapshot(receivedAt: number, life: Lifecycle, asOf: number): HandlingView {
  const responded = life.respondedAt !== null && life.respondedAt <= asOf ? life.respondedAt : null;
  if (life.resolvedAt !== null && life.resolvedAt <= asOf) {
    const settled = asOf - life.resolvedAt >= defaults.callbackDays * DAY;
    const satisfied = settled ? life.satisfied : life.satisfied === '' ? '' : 'pending';
    return { status: 'closed', respondedAt: responded, resolvedAt: life.resolvedAt, satisfied, solved: settled ? life.solved : '' };
  }
  const open = { respondedAt: responded, resolvedAt: null, solved: '' } as const;
  if (life.referredAt !== null && life.referredAt <= asOf) return { ...open, status: 'referred', satisfied: life.openSatisfied };
  if (life.escalatedAt !== null && life.escalatedAt <= asOf) return { ...open, status: 'escalated', satisfied: life.openSatisfied };
  if (responded !== null) return { ...open, status: life.outcome === 'replied' ? 'replied' : life.midStatus, satisfied: life.openSatisfied };
  if (receivedAt + life.verifyAfter > asOf) return { ...open, status: 'received', satisfied: '' };
  return { ...open, status: asOf - receivedAt < DAY ? 'verifying' : 'handling', satisfied: life.openSatisfied };
}

/**
 * A case that was still being worked on at `until` (a year-end export) and closed some days later:
 * the kind of record whose re-export carries a newer status.
 */
export function holdOver(rng: Rng, life: Lifecycle, until: number): Lifecycle {
  const resolvedAt = until + rng.int(2, 20) * DAY + rng.int(0, 8 * 60) * 60;
  const satisfied = life.satisfied === '' ? 'yes' : life.satisfied;
  return { ...life, resolvedAt, outcome: 'closed', escalatedAt: null, referredAt: null, satisfied, solved: life.solved === '' ? 'yes' : life.solved };
}
