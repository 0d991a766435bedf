import { EXAMPLE_IDS as ids } from '@thc/contracts';
import { consumed } from '../testing/consumed-event';
import { StreamLinkDocument } from './care-link-documents';
import { addCareLinkUpdates, CareLinkBatch } from './care-link-updates';

const clinicId = 'c1a1c1a1-0000-4000-8000-000000000001';

async function updatesOf(
  event: ReturnType<typeof consumed>,
  stored: StreamLinkDocument | null = null,
): Promise<CareLinkBatch> {
  const batch: CareLinkBatch = { links: [], care: [], changes: [], storedLink: async () => stored };
  await addCareLinkUpdates(event, batch);
  return batch;
}

describe('what each event says about care links', () => {
  it('a booking links its appointment and clinic and joins its staff to the patient', async () => {
    const batch = await updatesOf(consumed('thc.scheduling.AppointmentBooked.v1', {}));
    expect(batch.links.map((link) => link.updateOne.filter._id)).toEqual([
      `appointment|${ids.appointmentId}`,
      `patient|${ids.patientId}`,
    ]);
    expect(batch.care.map((visit) => visit.updateOne.update)).toEqual(
      [ids.providerId, ids.interpreterId].map((staffId) => ({
        $setOnInsert: {
          appointmentId: ids.appointmentId,
          staffId,
          patientId: ids.patientId,
          since: '2026-03-02T14:12:05.000Z',
          end: '2026-03-09T13:30:00.000Z',
          clinicId: ids.clinicId,
        },
      })),
    );
    expect(batch.changes).toEqual([]);
  });

  it('a session links its session, a request its appointment: neither books a visit', async () => {
    const session = await updatesOf(consumed('thc.sessions.SessionCreated.v1', {}));
    const request = await updatesOf(consumed('thc.scheduling.AppointmentRequested.v1', {}));
    expect(session.links[0]?.updateOne.filter._id).toBe(`session|${ids.sessionId}`);
    expect(request.links[0]?.updateOne.filter._id).toBe(`appointment|${ids.appointmentId}`);
    expect([...session.care, ...request.care]).toEqual([]);
  });

  it('a move ends every visit anew and joins the new provider to the stored patient', async () => {
    const move = consumed('thc.scheduling.AppointmentRescheduled.v1', {});
    const stored = { _id: `appointment|${ids.appointmentId}`, patientId: ids.patientId, clinicId };
    const end = '2026-03-12T19:30:00.000Z';
    const batch = await updatesOf(move, stored);
    expect(batch.changes).toEqual([
      { updateMany: { filter: { appointmentId: ids.appointmentId }, update: { $set: { end } } } },
    ]);
    expect(batch.care[0]?.updateOne.update).toEqual({
      $setOnInsert: {
        appointmentId: ids.appointmentId,
        staffId: ids.providerId,
        patientId: ids.patientId,
        since: '2026-03-05T10:02:11.000Z',
        clinicId,
      },
      $set: { end },
    });
    expect((await updatesOf(move)).care).toEqual([]);
  });

  it('a cancellation cancels every visit of the appointment; others say nothing', async () => {
    const batch = await updatesOf(consumed('thc.scheduling.AppointmentCancelled.v1', {}));
    expect(batch.changes).toEqual([
      {
        updateMany: {
          filter: { appointmentId: ids.appointmentId },
          update: { $set: { cancelledAt: '2026-03-12T13:40:00.000Z' } },
        },
      },
    ]);
    const other = await updatesOf(consumed('thc.compliance.PhiAccessed.v1', {}));
    expect([...other.links, ...other.care, ...other.changes]).toEqual([]);
  });
});
