/**
 * The bars the judgement must clear (the accuracy benchmark's "done"): recall of planted
 * weaknesses at the right measure with the right diagnosis, false flags on clean reps, no
 * team gap put on an individual, no flag on a sample under the minimum, few noise tasks, the
 * same result in any record order, the same flags from the real sync as from the core pass
 * (when stores were run end to end) and, when simulated, well under one flag per clean team run.
 */
import { type EndToEnd, sameFlags } from './end-to-end';
import type { OrderCheck } from './order';
import type { Score } from './score';
import type { Simulation } from './simulate';

export const MIN_RECALL = 0.95;
export const MAX_FALSE_FLAGS_PER_50_CLEAN = 1;
export const MAX_NOISE_SHARE = 0.02;
export const MAX_SIMULATED_FLAGS_PER_RUN = 0.2;

export interface Bar {
  label: string;
  value: string;
  pass: boolean;
}

export interface Headline {
  recall: number;
  falseFlagsPer50Clean: number;
  belowMinSample: number;
  noiseShare: number;
}

export function headline(score: Score): Headline {
  let planted = 0;
  let right = 0;
  for (const kind of score.kinds.values()) {
    planted += kind.planted;
    right += kind.right;
  }
  const tasks = score.staleTasks;
  return {
    recall: planted > 0 ? right / planted : 1,
    falseFlagsPer50Clean: score.cleanReps > 0 ? (score.cleanFalseFlags / score.cleanReps) * 50 : 0,
    belowMinSample: [...score.belowMinSample.values()].reduce((sum, n) => sum + n, 0),
    noiseShare: tasks.total > 0 ? tasks.busy / tasks.total : 0,
  };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

export function bars(
  score: Score,
  order: OrderCheck | null,
  simulation: Simulation | null,
  e2e: EndToEnd | null = null,
): Bar[] {
  const h = headline(score);
  const list: Bar[] = [
    { label: `recall ≥ ${pct(MIN_RECALL)}`, value: pct(h.recall), pass: h.recall >= MIN_RECALL },
    {
      label: `false flags per 50 clean reps ≤ ${MAX_FALSE_FLAGS_PER_50_CLEAN}`,
      value: h.falseFlagsPer50Clean.toFixed(2),
      pass: h.falseFlagsPer50Clean <= MAX_FALSE_FLAGS_PER_50_CLEAN,
    },
    {
      label: "individual flags at the peers' level = 0",
      value: String(score.peerLevelFlags),
      pass: score.peerLevelFlags === 0,
    },
    { label: 'flags on a sample below minSample = 0', value: String(h.belowMinSample), pass: h.belowMinSample === 0 },
    {
      label: `noise stale-lead tasks ≤ ${pct(MAX_NOISE_SHARE)}`,
      value: pct(h.noiseShare),
      pass: h.noiseShare <= MAX_NOISE_SHARE,
    },
  ];
  if (order)
    list.push({
      label: 'same flags in any record order',
      value: order.identical ? 'yes' : 'no',
      pass: order.identical,
    });
  if (e2e && e2e.stores.length > 0) {
    const same = e2e.stores.filter(sameFlags).length;
    list.push({
      label: 'same flags end to end as in the core pass',
      value: `${same} of ${e2e.stores.length} stores`,
      pass: same === e2e.stores.length,
    });
  }
  if (simulation) {
    const mean = simulation.runs > 0 ? simulation.flags / simulation.runs : 0;
    list.push({
      label: `flags per run, clean team at target < ${MAX_SIMULATED_FLAGS_PER_RUN}`,
      value: mean.toFixed(2),
      pass: mean < MAX_SIMULATED_FLAGS_PER_RUN,
    });
  }
  return list;
}
