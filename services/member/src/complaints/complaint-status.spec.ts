import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint.entity';
import { changeStatus, COMPLAINT_TRANSITIONS } from './complaint-status';
import { ComplaintTransitionError, ResolutionRequiredError } from './complaint.errors';

const createdAt = new Date('2026-11-27T02:00:00Z');
const at = new Date('2026-11-27T03:30:15Z');
const complaint = (status: ComplaintStatus) => ({ status, createdAt });

describe('complaint status transitions', () => {
  it('allows exactly open → in progress | resolved, in progress → resolved, resolved → closed | in progress', () => {
    const allowed = COMPLAINT_STATUSES.flatMap((from) => COMPLAINT_STATUSES.filter((to) => {
      try {
        changeStatus(complaint(from), to, at, 'done');
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(ComplaintTransitionError);
        return false;
      }
    }).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['open→in-progress', 'open→resolved', 'in-progress→resolved', 'resolved→in-progress', 'resolved→closed']);
    expect(COMPLAINT_TRANSITIONS.closed).toEqual([]);
  });

  it('needs a resolution text to resolve, and computes the time to resolve', () => {
    expect(() => changeStatus(complaint('in-progress'), 'resolved', at)).toThrow(ResolutionRequiredError);
    expect(() => changeStatus(complaint('in-progress'), 'resolved', at, '   ')).toThrow(ResolutionRequiredError);
    expect(changeStatus(complaint('in-progress'), 'resolved', at, ' Refunded the parking fee ')).toEqual({
      status: 'resolved',
      resolution: 'Refunded the parking fee',
      resolvedAt: at,
      timeToResolveSeconds: 5415,
      clears: [],
    });
  });

  it('clears the resolution when a resolved complaint is reopened, and stamps the closing time', () => {
    expect(changeStatus(complaint('resolved'), 'in-progress', at).clears).toEqual(['resolution', 'resolvedAt', 'timeToResolveSeconds']);
    expect(changeStatus(complaint('open'), 'in-progress', at).clears).toEqual([]);
    expect(changeStatus(complaint('resolved'), 'closed', at)).toMatchObject({ status: 'closed', closedAt: at });
  });

  it('says where a complaint can go when it refuses', () => {
    expect(() => changeStatus(complaint('open'), 'closed', at)).toThrow('A complaint that is open cannot become closed; it can go to in-progress, resolved.');
    expect(() => changeStatus(complaint('closed'), 'in-progress', at)).toThrow('it is final');
  });
});
