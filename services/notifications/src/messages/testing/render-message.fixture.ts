import type { MessageKind, PlannedMessage } from '../../delivery/domain/planned-message';
import type { RenderContext } from '../render-message';

export const APPOINTMENT_ID = '5b0f1f7e-8d2c-4c55-9b44-0c6f1d7a9e10';
export const PATIENT_ID = '2f6c3a1e-7b7e-4f0a-a0a4-3e1c9d2b8f11';
/** About the length of a short join link; a signed one from sessions is longer (see the SMS tests). */
export const JOIN_URL = 'https://visits.example-health.org/join#k3Zr9TqLmW2xPa7Vb1Nc5Hd8Jf0Gs4Ry';

/** A planned message of `kind` to the patient, about a video visit on 10 March 2026, 9:00 in New York. */
export function planned(
  kind: MessageKind,
  overrides: Partial<PlannedMessage> = {},
): PlannedMessage {
  return {
    messageId: '7a1d7a43-0d0e-4a3e-9d55-5b8f3b1c2e01',
    kind,
    recipientId: PATIENT_ID,
    recipientRole: 'patient',
    patientId: PATIENT_ID,
    triggerEventId: '0c9a8b7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
    appointmentId: APPOINTMENT_ID,
    sendAt: '2026-03-09T13:00:00.000Z',
    visit: {
      appointmentId: APPOINTMENT_ID,
      start: '2026-03-10T13:00:00.000Z',
      end: '2026-03-10T13:30:00.000Z',
      timeZone: 'America/New_York',
      visitType: 'video',
    },
    ...(kind === 'booking-changed'
      ? { previousStart: '2026-03-06T18:00:00.000Z', calendar: { method: 'REQUEST', sequence: 2 } }
      : {}),
    ...(kind === 'booking-cancelled' ? { calendar: { method: 'CANCEL', sequence: 3 } } : {}),
    ...(kind === 'waitlist-offer'
      ? {
          offer: {
            start: '2026-03-04T15:30:00.000Z',
            end: '2026-03-04T16:00:00.000Z',
            timeZone: 'America/New_York',
            expiresAt: '2026-03-02T22:00:00.000Z',
          },
        }
      : {}),
    ...(kind === 'provider-running-late' ? { waitedMinutes: 12 } : {}),
    ...overrides,
  };
}

export function context(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    language: 'en',
    timeZone: 'America/New_York',
    messageId: '7a1d7a43-0d0e-4a3e-9d55-5b8f3b1c2e01',
    now: new Date('2026-03-01T12:00:00Z'),
    ...overrides,
  };
}

/** The visit's start as each language words it, in the patient's zone (New York). */
export const VISIT_TIME = {
  en: 'Tuesday, March 10 at 9:00 AM (New York time)',
  es: 'martes, 10 de marzo a las 9:00 a.m. (hora de New York)',
};
