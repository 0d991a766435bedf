import type { CreateSession } from '../domain/session.commands';
import { SESSION_EVENT as E, SealedText, SessionEvent } from '../domain/session.events';

/** One visit's ids and events, shared by the decider specs. */
export const ids = {
  session: 'c2e4a6f8-3b5d-4e7f-a9c1-4d6f8b2a3c07',
  appointment: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patient: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  provider: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  otherProvider: '6c8e3f1d-9b2a-4d4f-a7e5-8f3b1d2e4a04',
  clinic: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  interpreter: 'd4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05',
  coordinator: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  consent: 'f7b9d2e4-6a8c-4d1f-8e5a-9c2e4a6b8f17',
  patientLink: 'e5a7c9e1-4f6b-4d8a-b2c4-6e8a1c3e5f08',
  providerLink: 'e5a7c9e1-4f6b-4d8a-b2c4-6e8a1c3e5f09',
  issue: 'f6b8d1a3-5c7e-4f9b-8d2f-7a9c2e4b6d09',
  survey: '1a3c5e7b-9d2f-4b4d-9f6a-8c1e3a5c7e10',
} as const;

export const system = { kind: 'system', service: 'sessions' } as const;
export const provider = { kind: 'user', userId: ids.provider, role: 'provider' } as const;
export const coordinator = { kind: 'user', userId: ids.coordinator, role: 'coordinator' } as const;

export const START = '2031-03-09T13:00:00Z';
export const END = '2031-03-09T13:30:00Z';

export const create: CreateSession = {
  type: 'CreateSession',
  sessionId: ids.session,
  appointmentId: ids.appointment,
  patientId: ids.patient,
  providerId: ids.provider,
  clinicId: ids.clinic,
  visitType: 'video',
  start: START,
  end: END,
  participants: [
    { participantId: ids.patient, role: 'patient' },
    { participantId: ids.provider, role: 'provider' },
    { participantId: ids.interpreter, role: 'interpreter' },
  ],
  at: '2031-03-02T14:00:00Z',
};

export const created: SessionEvent = {
  type: E.created,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    patientId: ids.patient,
    providerId: ids.provider,
    clinicId: ids.clinic,
    visitType: 'video',
    scheduledStart: START,
    scheduledEnd: END,
    participants: [...create.participants],
    createdAt: '2031-03-02T14:00:00Z',
  },
};

export const linkIssued = (
  linkId: string,
  participantId: string,
  role: 'patient' | 'provider',
): SessionEvent => ({
  type: E.linkIssued,
  data: {
    sessionId: ids.session,
    linkId,
    participantId,
    role,
    issuedAt: '2031-03-02T14:00:01Z',
    expiresAt: '2031-03-09T15:00:00Z',
  },
});

export const arrived: SessionEvent = {
  type: E.arrived,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    patientId: ids.patient,
    arrivedAt: '2031-03-09T12:55:00Z',
  },
};

export const admitted: SessionEvent = {
  type: E.admitted,
  data: {
    sessionId: ids.session,
    patientId: ids.patient,
    admittedAt: '2031-03-09T13:01:00Z',
    admittedBy: provider,
    waitedSeconds: 360,
  },
};

export const started: SessionEvent = {
  type: E.started,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    consentId: ids.consent,
    startedAt: '2031-03-09T13:00:30Z',
    startedBy: provider,
  },
};

export const joined = (
  participantId: string,
  role: 'patient' | 'provider',
  at: string,
): SessionEvent => ({
  type: E.joined,
  data: {
    sessionId: ids.session,
    participantId,
    role,
    joinedAt: at,
    media: 'video',
    connection: 'browser',
  },
});

export const dropped = (at: string): SessionEvent => ({
  type: E.left,
  data: {
    sessionId: ids.session,
    participantId: ids.patient,
    role: 'patient',
    leftAt: at,
    reason: 'disconnected',
  },
});

export const cancelled: SessionEvent = {
  type: E.ended,
  data: {
    sessionId: ids.session,
    appointmentId: ids.appointment,
    outcome: 'cancelled',
    endedAt: '2031-03-08T09:00:00Z',
    endedBy: system,
  },
};

/** A sealed URL as PhiCipher writes it; the decider only carries it. */
export const sealed = (ciphertext: string): SealedText => ({
  alg: 'AES-256-GCM',
  v: 2,
  keyId: 'b1d3f5a7-9c2e-4a4b-8d6f-1e3a5c7e9b11',
  iv: 'q83vEjRWeJASNFZ4',
  ciphertext,
  tag: 'ZHWjIL6yLhUhcY3Q7ZYrWg==',
});
