import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { CLINIC_ID, rules, scheduleOf } from './testing/schedule.fixture';
import {
  ensureClinicSlotsAccess,
  ensureScheduleReadable,
  ensureScheduleWritable,
} from './schedule-access';

const OTHER_CLINIC = '2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b10';
const staff = (role: 'coordinator' | 'admin', clinics?: Principal['clinics']): Principal => ({
  subject: 'a1c3e5f7-9b2d-4f6a-8c1e-3d5f7a9b1c04',
  roles: [role],
  ...(clinics === undefined ? {} : { clinics }),
});
const patient: Principal = { subject: 'f0e1d2c3-b4a5-4678-9abc-def012345678', roles: ['patient'] };

describe("a clinic's schedules and slots", () => {
  const inClinic = scheduleOf(rules());
  const movingAhead = scheduleOf(
    rules(),
    rules({ clinicId: OTHER_CLINIC, effectiveFrom: '2031-01-01' }),
  );

  it('are read by staff of a clinic the schedule names, and refused to staff of none', () => {
    expect(() => ensureScheduleReadable(staff('coordinator', [CLINIC_ID]), inClinic)).not.toThrow();
    expect(() => ensureScheduleReadable(staff('admin', 'all'), inClinic)).not.toThrow();
    expect(() => ensureScheduleReadable(staff('coordinator', [OTHER_CLINIC]), inClinic)).toThrow(
      ForbiddenException,
    );
    expect(() => ensureScheduleReadable(staff('admin'), inClinic)).toThrow(ForbiddenException);
    // A move dated ahead: staff of either clinic plan around it.
    expect(() =>
      ensureScheduleReadable(staff('coordinator', [OTHER_CLINIC]), movingAhead),
    ).not.toThrow();
  });

  it('show their free times to patients wherever the provider works, to book', () => {
    expect(() => ensureScheduleReadable(patient, inClinic)).not.toThrow();
    expect(() => ensureClinicSlotsAccess(patient, CLINIC_ID)).not.toThrow();
    expect(() => ensureClinicSlotsAccess(staff('coordinator', [OTHER_CLINIC]), CLINIC_ID)).toThrow(
      ForbiddenException,
    );
  });

  it('are defined by staff covering both the clinic named and the one the provider is in now', () => {
    const coordinator = staff('coordinator', [CLINIC_ID]);
    expect(() => ensureScheduleWritable(coordinator, CLINIC_ID, undefined)).not.toThrow();
    expect(() => ensureScheduleWritable(coordinator, CLINIC_ID, inClinic)).not.toThrow();
    expect(() => ensureScheduleWritable(coordinator, OTHER_CLINIC, undefined)).toThrow(
      ForbiddenException,
    );
    // Moving a provider out of a clinic the caller does not cover is refused too.
    const elsewhere = staff('coordinator', [OTHER_CLINIC]);
    expect(() => ensureScheduleWritable(elsewhere, OTHER_CLINIC, inClinic)).toThrow(
      ForbiddenException,
    );
  });
});
