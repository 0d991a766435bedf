/**
 * Ids shared by the example of every event type, so the examples read as one story: the same
 * appointment is requested, booked, visited and surveyed. Documentation and fixtures only.
 */
export const EXAMPLE_IDS = {
  appointmentId: '3f2a8c1e-6b4d-4e9a-8f10-2c7d5b9e1a01',
  patientId: '9c4e1b7a-2d3f-4a8b-9e6c-1f5a7d3b2c02',
  providerId: '5b7d2e9c-8a1f-4c3e-b6d4-7e2a9c1f3d03',
  coordinatorId: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  interpreterId: 'd4f6a8c2-1e3b-4d5f-9a7c-2b4d6f8a1e05',
  clinicId: '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06',
  sessionId: 'c2e4a6f8-3b5d-4e7f-a9c1-4d6f8b2a3c07',
  linkId: 'e5a7c9e1-4f6b-4d8a-b2c4-6e8a1c3e5f08',
  issueId: 'f6b8d1a3-5c7e-4f9b-8d2f-7a9c2e4b6d09',
  surveyId: '1a3c5e7b-9d2f-4b4d-9f6a-8c1e3a5c7e10',
  incidentId: '2b4d6f8c-1a3e-4c5f-a7b9-9d2f4b6d8f11',
  reminderId: '4d6f8b1e-3c5a-4e7c-9b1d-2f4a6c8e1b12',
  waitlistEntryId: '6f8b1d3a-5e7c-4a9e-8d3f-4b6d8f1a3d13',
  offerId: '8b1d3f5c-7a9e-4c2a-9f5b-6d8f1b3c5f14',
  moduleId: 'b3d5f7a9-2c4e-4f6b-8a1c-5e7a9c2d4b15',
  certificationId: 'd5f7b9c2-4e6a-4b8d-9c3e-7a9c2e4f6d16',
  consentId: 'f7b9d2e4-6a8c-4d1f-8e5a-9c2e4a6b8f17',
  accessId: '1c3e5a7d-8b2f-4f4a-9a7c-2e4a6c8e1a18',
  violationId: '3e5a7c9f-1d4b-4b6c-8c9e-4a6c8e2b3c19',
  eventId: '5a7c9e2b-3f6d-4d8e-9e2a-6c8e2a4d5e20',
  organizationId: '7c9e2b4d-5a8f-4e1a-8b3c-8e2a4c6f7a21',
  adminId: '9e2b4d6f-7c1a-4a3c-9d5e-1a4c6e8b9c22',
} as const;

/** An encrypted field as the security work will produce it; the bytes here are placeholders. */
export const EXAMPLE_ENCRYPTED = {
  alg: 'AES-256-GCM',
  keyId: `patient-key/${EXAMPLE_IDS.patientId}`,
  iv: 'q83vEjRWeJASNFZ4',
  ciphertext: 'V2hhdCBhIHNlY3JldCB0aGlzIGlzIG5vdA==',
  tag: 'ZHWjIL6yLhUhcY3Q7ZYrWg==',
} as const;
