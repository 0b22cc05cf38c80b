import { UnavailableError } from '@atrium/errors';

/**
 * The survivor of a merge has no account yet: its registration is on another partition of the
 * member topic and may not be consumed yet, so the merge is retried.
 */
export class SurvivorAccountNotOpenError extends UnavailableError {
  constructor(survivorId: string, mergedMemberId: string) {
    super('points.merge-survivor-not-open', `member ${mergedMemberId} was merged into ${survivorId}, who has no points account yet`);
  }
}
