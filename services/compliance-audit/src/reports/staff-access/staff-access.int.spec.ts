import { bearer, eventually, TestNamespace, callService as call } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { useVisitStory } from '../testing/visit-story';

describe("a staff member's access report", () => {
  const auditorId = randomUUID();
  const { ids, report, providerId } = useVisitStory(new TestNamespace('staff-access'), {
    eventually,
    call,
    auditor: () => bearer('auditor', auditorId),
  });

  it("lists a staff member's reads", async () => {
    const staff = await report(`staff/${providerId}/phi-access`);
    expect((staff.body as { items: { eventId: string }[] }).items.map((r) => r.eventId)).toEqual([
      ids['providerRead'],
    ]);
  });
});
