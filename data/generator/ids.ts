/**
 * Record ids in each source system's own style, assigned in order of receipt:
 * the hospital register `TS<yyyymmdd><nnn>`, 12345 work orders `<yymmdd><nnnnn>` (a city-wide
 * sequence, so one hospital sees gaps), the Vietnamese register `PA<yy>-<nnnnn>`, PALS `PALS-<yy>-<nnnnn>`.
 */
import { civilFromDay, dayOfStamp, pad } from './dates.ts';
import type { FeedbackEvent } from './model.ts';
import type { Rng } from '../../pipeline/detect/prng.ts';

export function assignIds(root: Rng, source: string, events: FeedbackEvent[]): void {
  events.sort((a, b) => a.receivedAt - b.receivedAt);
  let lastDay = Number.NaN;
  let lastYear = Number.NaN;
  let seqDay = 0;
  let seqYear = 0;
  let rng: Rng = root;
  for (const ev of events) {
    const day = dayOfStamp(ev.receivedAt);
    const { y, m, d } = civilFromDay(day);
    if (day !== lastDay) {
      lastDay = day;
      seqDay = 0;
      rng = root.fork(`ids/${source}/${day}`);
      if (source === 'gov_12345') seqDay = rng.int(40, 400);
    }
    if (y !== lastYear) {
      lastYear = y;
      seqYear = 0;
    }
    seqYear++;
    const yy = pad(y % 100);
    switch (source) {
      case 'hospital_hotline':
        seqDay++;
        ev.id = `TS${y}${pad(m)}${pad(d)}${pad(seqDay, 3)}`;
        break;
      case 'gov_12345':
        seqDay += rng.int(1, 60);
        ev.id = `${yy}${pad(m)}${pad(d)}${pad(seqDay, 5)}`;
        break;
      case 'pals':
        ev.id = `PALS-${yy}-${pad(seqYear, 5)}`;
        break;
      default:
        ev.id = `PA${yy}-${pad(seqYear, 5)}`;
    }
  }
}
