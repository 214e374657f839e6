/**
 * The seed walks a clock through the demo's history. Events (a patrol round, an owner's report) run in time
 * order; what they set in motion (an assignment, a fix, a check) is planned for later and runs between them.
 */
import type { PhotoRef } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Writes } from '../storage/store.ts';
import type { Random } from './random.ts';

export interface Step {
  time: number;
  run: () => Promise<void>;
}

export class Timeline {
  /** The instant the services see (their `deps.clock`). */
  at: number;
  private pending: Step[] = [];

  constructor(readonly now: number) {
    this.at = now;
  }

  /** Plans a step; nothing is planned at or after now (it has not happened yet). */
  later(time: number, run: () => Promise<void>): void {
    if (time < this.now) this.pending.push({ time, run });
  }

  /** Runs the events in time order, each after the planned steps that come before it; then what is still planned. */
  async play(events: Step[]): Promise<void> {
    for (const e of [...events].sort((a, b) => a.time - b.time)) {
      await this.runPlanned(e.time);
      this.at = e.time;
      await e.run();
    }
    await this.runPlanned(Number.POSITIVE_INFINITY);
  }

  private async runPlanned(until: number): Promise<void> {
    this.pending.sort((a, b) => a.time - b.time);
    while (this.pending.length && this.pending[0].time <= until) {
      const step = this.pending.shift() as Step;
      this.at = step.time;
      await step.run();
    }
  }
}

/** What every part of the seed works with: the one transaction, services on the seed's clock, its dice. */
export interface Seeding {
  tx: Writes;
  /** The services' dependencies, with the clock at `timeline.at` and the store inside `tx`. */
  deps: Deps;
  rnd: Random;
  timeline: Timeline;
  /** The demo's stand-in site photos. */
  photos: PhotoRef[];
  now: number;
  days: number;
}
