import type { Actor } from './actor';
import type { JourneyContext } from './journey-context';
import type { DemoRecord } from './types';

/**
 * Leaves the worker's most recent follow-ups that fell due before today undone, as many as
 * their `overdueFollowUps` trait says. The most recent, because a rep who lets tasks slide lets
 * the current ones slide; old ones would have been cleaned up by a manager.
 */
export function leaveFollowUpsOverdue(ctx: JourneyContext, actor: Actor, tasks: readonly DemoRecord[]): void {
  const wanted = actor.worker.traits.overdueFollowUps;
  if (wanted <= 0) return;
  const today = ctx.calendar.today;
  const due = tasks.filter(
    (t) =>
      t.OwnerId === actor.id &&
      t.Type === 'Follow-Up' &&
      t.Status === 'Completed' &&
      (t.ActivityDate as string) < today,
  );
  due.sort((a, b) =>
    (a.ActivityDate as string) < (b.ActivityDate as string)
      ? 1
      : (a.ActivityDate as string) > (b.ActivityDate as string)
        ? -1
        : 0,
  );
  for (const task of due.slice(0, wanted)) ctx.factory.reopenTask(task);
}
