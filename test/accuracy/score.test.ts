import { headline } from '../../scripts/accuracy/bars';
import { emptyScore, scoreDealership } from '../../scripts/accuracy/score';
import type { DealershipTruth } from '../../scripts/accuracy/truth';
import { finding, judged, repTruth, staleLeadTask, truthOf } from './builders';

const MIN_SAMPLE = 30;

function scored(truth: DealershipTruth, result: ReturnType<typeof judged>) {
  const score = emptyScore();
  scoreDealership(score, truth, result, () => MIN_SAMPLE);
  return score;
}

describe('scoring findings against the planted truth', () => {
  const lowSetRate = truthOf([repTruth({ weaknessKinds: ['low_set_rate'] })]);

  it('given a planted low set rate flagged at its measure as Skill, then it is found right', () => {
    const score = scored(lowSetRate, judged([finding({ measure: 'appointment_set_rate' })]));
    expect(score.kinds.get('low_set_rate')).toEqual({ planted: 1, right: 1, wrongDiagnosis: 0, missed: 0 });
    expect(headline(score).recall).toBe(1);
  });

  it('given a planted low set rate flagged only as too few calls (Activity), then it is a wrong diagnosis and a symptom flag', () => {
    const activity = finding({ measure: 'outbound_calls', kind: 'volume', diagnosis: 'Activity', step: 'attempt' });
    const score = scored(lowSetRate, judged([activity]));
    expect(score.kinds.get('low_set_rate')).toEqual({ planted: 1, right: 0, wrongDiagnosis: 1, missed: 0 });
    expect(score.symptomFlags).toBe(1);
    expect(score.cleanFalseFlags).toBe(0);
  });

  it('given a planted low set rate and no flag, then it is missed and recall is 0', () => {
    const score = scored(lowSetRate, judged([]));
    expect(score.kinds.get('low_set_rate')).toEqual({ planted: 1, right: 0, wrongDiagnosis: 0, missed: 1 });
    expect(headline(score).recall).toBe(0);
  });

  it('given a clean rep in a team planted below the close-rate target, when flagged there, then a false flag at the peers’ level', () => {
    const truth = truthOf([repTruth()], { salesperson: new Set(['close_rate']) });
    const score = scored(truth, judged([finding({ measure: 'close_rate', step: 'sold' })]));
    expect(score).toMatchObject({ cleanReps: 1, cleanFalseFlags: 1, peerLevelFlags: 1 });
    expect(headline(score).falseFlagsPer50Clean).toBe(50);
  });

  it('given a clean rep flagged where the team is fine, then a false flag but not one at the peers’ level', () => {
    const score = scored(truthOf([repTruth()]), judged([finding({ measure: 'show_rate' })]));
    expect(score).toMatchObject({ cleanFalseFlags: 1, peerLevelFlags: 0 });
  });

  it('given a ratio flag on 12 customers, then it counts as below minSample; a count of stale leads never does', () => {
    const flags = [
      finding({ measure: 'close_rate', sampleSize: 12 }),
      finding({ measure: 'stale_leads', kind: 'staleLead', diagnosis: 'Activity', sampleSize: 7 }),
    ];
    const score = scored(truthOf([repTruth()]), judged(flags));
    expect([...score.belowMinSample.entries()]).toEqual([['ratio', 1]]);
  });

  it('given stale-lead tasks for an idle, a busy, an e-mailed and an unknown lead, then each is counted where it belongs', () => {
    const truth = truthOf([repTruth()]);
    truth.leads = { stale: new Set(['L1']), busy: new Set(['L2']), messaged: new Set(['L3']) };
    const tasks = ['L1', 'L2', 'L3', 'L4'].map(staleLeadTask);
    const score = scored(truth, judged([], tasks));
    expect(score.staleTasks).toEqual({ total: 4, idle: 1, busy: 1, messaged: 1, other: 1 });
    expect(headline(score).noiseShare).toBe(0.25);
  });
});
