import { randomUUID } from 'node:crypto';

const STAFF_FUNCTION = 'https://telehealth-coordinator.org/fhir/CodeSystem/staff-function';

const role = (practitionerId: string, organizationId: string, clinicId: string, code: object) => ({
  resource: {
    resourceType: 'PractitionerRole',
    active: true,
    practitioner: { reference: `Practitioner/${practitionerId}` },
    organization: { reference: `Organization/${organizationId}` },
    location: [{ reference: `Location/${clinicId}` }],
    code: [code],
  },
});

const location = (
  id: string,
  organizationId: string,
  name: string,
  address: { line: string[]; city: string; state: string; postalCode: string },
  timeZone: string,
) => ({
  resource: {
    resourceType: 'Location',
    id,
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: timeZone }],
    status: 'active',
    name,
    mode: 'instance',
    address: { use: 'work', type: 'physical', ...address, country: 'US' },
    managingOrganization: { reference: `Organization/${organizationId}` },
  },
});

/**
 * A small health system as an EHR exports it: the system and one member organization, three
 * clinics in two states, a provider licensed in both, a Spanish interpreter and a coordinator.
 */
export function healthSystemBundle() {
  const ids = {
    system: randomUUID(),
    member: randomUUID(),
    poughkeepsie: randomUUID(),
    kingston: randomUUID(),
    hackensack: randomUUID(),
    provider: randomUUID(),
    interpreter: randomUUID(),
    coordinator: randomUUID(),
  };
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      // The member comes before the system it is part of: the import orders them.
      {
        resource: {
          resourceType: 'Organization',
          id: ids.member,
          active: true,
          name: 'Hudson Valley Telehealth',
          partOf: { reference: `Organization/${ids.system}` },
        },
      },
      {
        resource: {
          resourceType: 'Organization',
          id: ids.system,
          active: true,
          name: 'Hudson Valley Health',
        },
      },
      location(
        ids.poughkeepsie,
        ids.member,
        'Poughkeepsie',
        { line: ['45 Reade Place'], city: 'Poughkeepsie', state: 'NY', postalCode: '12601' },
        'America/New_York',
      ),
      location(
        ids.kingston,
        ids.member,
        'Kingston',
        { line: ['396 Broadway'], city: 'Kingston', state: 'NY', postalCode: '12401' },
        'America/New_York',
      ),
      location(
        ids.hackensack,
        ids.member,
        'Hackensack',
        { line: ['30 Prospect Ave'], city: 'Hackensack', state: 'NJ', postalCode: '07601' },
        'America/New_York',
      ),
      {
        resource: {
          resourceType: 'Practitioner',
          id: ids.provider,
          identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
          active: true,
          name: [{ use: 'official', family: 'Okafor', given: ['Adaeze'], prefix: ['Dr.'] }],
          qualification: [
            {
              identifier: [{ value: '298877' }],
              code: { text: 'NY licence to practise' },
              period: { end: '2027-06-30' },
              issuer: { identifier: { system: 'urn:iso:std:iso:3166:-2', value: 'US-NY' } },
            },
            {
              identifier: [{ value: '25MA09876500' }],
              code: { text: 'NJ licence to practise' },
              period: { end: '2026-12-31' },
              issuer: { identifier: { system: 'urn:iso:std:iso:3166:-2', value: 'US-NJ' } },
            },
            // A degree, not a licence: no state issued it.
            { code: { text: 'MD' }, issuer: { display: 'Columbia University' } },
          ],
          communication: [{ coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }],
        },
      },
      role(ids.provider, ids.member, ids.poughkeepsie, {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'doctor' },
        ],
      }),
      role(ids.provider, ids.member, ids.hackensack, {
        coding: [{ system: STAFF_FUNCTION, code: 'provider' }],
      }),
      {
        resource: {
          resourceType: 'Practitioner',
          id: ids.interpreter,
          name: [{ family: 'Reyes', given: ['Lucía'] }],
          communication: [
            { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] },
            { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] },
          ],
        },
      },
      role(ids.interpreter, ids.member, ids.kingston, {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/participant-type', code: 'translator' },
        ],
      }),
      {
        resource: {
          resourceType: 'Practitioner',
          id: ids.coordinator,
          name: [{ family: 'Chen', given: ['Wei'] }],
        },
      },
      role(ids.coordinator, ids.member, ids.hackensack, {
        coding: [{ system: STAFF_FUNCTION, code: 'coordinator' }],
      }),
    ],
  };
  return { ids, bundle };
}
