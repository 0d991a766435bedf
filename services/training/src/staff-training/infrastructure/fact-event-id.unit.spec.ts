import { STAFF_EVENT as E, StaffTrainingEvent } from '../domain/staff-training.events';
import { ids, warned } from '../testing/staff-training.fixture';
import { factEventId } from './fact-event-id';

const expired = (
  certificationId: string,
  expiredAt = '2027-01-10T00:00:00.000Z',
): StaffTrainingEvent => ({
  type: E.expired,
  data: { staffId: ids.staff, certificationId, kind: 'hipaa', expiredAt },
});

describe('ids of clock-driven facts', () => {
  it('are the same UUID (v5 layout) for the same fact, whoever decides it', () => {
    const id = factEventId(expired(ids.cert));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(factEventId(expired(ids.cert))).toBe(id);
  });

  it('differ between facts: another certification, a warning at another lead time', () => {
    expect(factEventId(expired(ids.cert2))).not.toBe(factEventId(expired(ids.cert)));
    expect(factEventId(warned(30))).not.toBe(factEventId(warned(7)));
  });

  it('are left to the store (random) for what people do', () =>
    expect(
      factEventId({
        type: E.revoked,
        data: {
          staffId: ids.staff,
          certificationId: ids.cert,
          kind: 'hipaa',
          reason: 'policy-breach',
          revokedAt: '2026-06-01T00:00:00.000Z',
          revokedBy: { kind: 'user', userId: ids.trainer, role: 'trainer' },
        },
      }),
    ).toBeUndefined());
});
