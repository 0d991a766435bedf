import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RecordContactPreferencesDto } from '../../services/notifications/src/contacts/record-preferences/contact-preferences.dto';
import { daysToPlannedVisits } from './bookings.step';
import { CONTACT_DAYS, contactPlan } from './contacts.step';
import { CLINICS } from './demo-health-system';
import { demoFraction, demoId } from './demo-ids';
import type { Patient, Roster, StaffMember } from './demo-roster';

/**
 * A roster of the demo's shape, made here: buildRoster needs faker, an ES module this Jest
 * setup does not load. Three providers a clinic (one whose credential expires soon, booked in
 * its first week only), 24 patients kept for the visits happening now, 276 with visits planned,
 * languages in the demo's proportions.
 */
function demoShapedRoster(seed: number): Roster {
  const id = (name: string) => demoId(seed, name);
  const clinics = CLINICS.map((c) => ({
    id: id(`clinic:${c.key}`),
    name: c.name,
    timeZone: c.timeZone,
    address: c.address,
  }));
  const staff: StaffMember[] = clinics.flatMap((clinic, c) =>
    [0, 1, 2].map((n) => ({
      id: id(`provider:${c}:${n}`),
      role: 'provider' as const,
      name: { family: `Provider ${c}${n}`, given: ['Demo'] },
      clinicId: clinic.id,
      clinicIds: [clinic.id],
      licences: [],
      timeZone: clinic.timeZone,
      training: n === 2 ? ('expiring' as const) : ('current' as const),
    })),
  );
  const patients: Patient[] = Array.from({ length: 300 }, (_, n) => {
    const patientId = id(`patient:${n}`);
    const clinic = clinics[n % clinics.length];
    const r = demoFraction(seed, `language:${patientId}`);
    return {
      id: patientId,
      clinicId: clinic.id,
      state: clinic.address.state,
      language: r < 0.8 ? 'en' : r < 0.92 ? 'es' : r < 0.97 ? 'zh' : 'vi',
      live: n < 24,
      ...(n < 24 ? {} : { visit: { type: 'video' as const, cancel: false } }),
    };
  });
  return { seed, organization: { id: id('organization'), name: 'Demo' }, clinics, staff, patients };
}

const roster = demoShapedRoster(20_260_301);
const plan = contactPlan(roster);
const share = (test: (p: (typeof plan)[number]) => boolean) =>
  plan.filter(test).length / plan.length;

describe('the contact preferences of the demo', () => {
  it('go to the patients of the visits happening now and of the next days only', () => {
    const days = daysToPlannedVisits(roster);
    const chosen = new Set(plan.map((p) => p.patient.id));
    for (const patient of roster.patients) {
      const soon = patient.live || (days.get(patient.id) ?? Infinity) < CONTACT_DAYS;
      expect([patient.id, chosen.has(patient.id)]).toEqual([patient.id, soon]);
    }
    expect(plan.length).toBeGreaterThan(24);
    expect(plan.length).toBeLessThan(roster.patients.length / 3);
  });

  it('are bodies the notifications service accepts as they are', () => {
    for (const { preferences } of plan) {
      const dto = plainToInstance(RecordContactPreferencesDto, preferences);
      expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
      expect(dto).toEqual(expect.objectContaining(preferences));
    }
  });

  it('give each patient an address of their own in the demo domain, in their clinic zone', () => {
    const emails = plan.map((p) => p.preferences.email);
    expect(new Set(emails).size).toBe(plan.length);
    for (const { patient, preferences } of plan) {
      expect(preferences.email).toBe(
        `patient-${roster.patients.indexOf(patient)}@patients.demo.thc.local`,
      );
      expect(preferences.timeZone).toBe(
        roster.clinics.find((c) => c.id === patient.clinicId)?.timeZone,
      );
    }
  });

  it('are about a quarter in Spanish, some with quiet hours, mostly e-mail only', () => {
    expect(share((p) => p.preferences.preferredLanguage === 'es')).toBeGreaterThan(0.2);
    expect(share((p) => p.preferences.preferredLanguage === 'es')).toBeLessThan(0.3);
    expect(plan.filter((p) => p.patient.language === 'es')).toEqual(
      plan.filter((p) => p.patient.language === 'es' && p.preferences.preferredLanguage === 'es'),
    );
    expect(share((p) => p.preferences.quietHours !== undefined)).toBeGreaterThan(0.1);
    expect(share((p) => p.preferences.quietHours !== undefined)).toBeLessThan(0.5);
    expect(share((p) => p.preferences.consent.bySms)).toBeLessThan(0.3);
    for (const { preferences } of plan) {
      expect(preferences.consent.byEmail).toBe(true);
      expect(preferences.consent.bySms).toBe(preferences.mobile !== undefined);
    }
  });

  it('are the same on every run of the seed', () => {
    expect(contactPlan(demoShapedRoster(20_260_301))).toEqual(plan);
  });
});
