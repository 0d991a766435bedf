import { expectValidFhir, fhirIssues } from './valid-fhir';

const slot = {
  resourceType: 'Slot',
  id: 'slot-1',
  schedule: { reference: 'Schedule/schedule-1' },
  status: 'free',
  start: '2026-03-02T14:00:00Z',
  end: '2026-03-02T14:30:00Z',
};

const searchset = (resource: object) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: 1,
  entry: [{ fullUrl: 'https://fhir.example/Slot/slot-1', resource, search: { mode: 'match' } }],
});

describe('the R4 validator behind expectValidFhir', () => {
  it('passes a valid Slot and a searchset Bundle of it', () => {
    expect(fhirIssues(slot)).toEqual([]);
    expect(() => expectValidFhir(searchset(slot))).not.toThrow();
  });

  it('names a missing required element, an unknown element and a malformed instant', () => {
    const { schedule: _schedule, ...withoutSchedule } = slot;
    expect(fhirIssues({ ...withoutSchedule, start: '2026-03-02T14:00Z', colour: 'red' })).toEqual(
      expect.arrayContaining([
        'Slot.schedule: Missing required property',
        'Slot.start: Invalid instant format',
        'Slot.colour: Invalid additional property "colour"',
      ]),
    );
  });

  it('checks the entries of a Bundle', () => {
    expect(fhirIssues(searchset({ ...slot, end: undefined }))).toEqual([
      'Bundle.entry[0].resource.end: Missing required property',
    ]);
  });

  it('reports a code outside its required value set, in a Bundle as alone', () => {
    expect(fhirIssues({ ...slot, status: 'open' })).toEqual([
      'Slot.status: "open" is not in the required value set http://hl7.org/fhir/ValueSet/slotstatus',
    ]);
    expect(fhirIssues({ resourceType: 'Bundle', type: 'search-results' })).toEqual([
      'Bundle.type: "search-results" is not in the required value set http://hl7.org/fhir/ValueSet/bundle-type',
    ]);
  });

  it('evaluates the R4 invariants', () => {
    const appointment = {
      resourceType: 'Appointment',
      status: 'booked',
      participant: [{ status: 'accepted' }],
    };
    expect(fhirIssues(appointment)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Appointment: Constraint app-3 not met/),
        expect.stringMatching(/^Appointment.participant\[0\]: Constraint app-1 not met/),
      ]),
    );
  });

  it("evaluates the data types' own invariants, in a Bundle's entries too", () => {
    const encounter = {
      resourceType: 'Encounter',
      status: 'cancelled',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
      period: { start: '2026-12-10T09:30:00-05:00', end: '2026-12-07T11:05:00.237Z' },
    };
    expect(fhirIssues(encounter)).toEqual([
      expect.stringMatching(/^Encounter.period: Constraint per-1 not met/),
    ]);
    expect(fhirIssues(searchset(encounter))).toEqual([
      expect.stringMatching(/^Bundle.entry\[0\].resource.period: Constraint per-1 not met/),
    ]);
    expect(fhirIssues({ ...encounter, period: { start: encounter.period.start } })).toEqual([]);
    // ref-1 (a local reference names a contained resource) does not apply to a display alone.
    expect(
      fhirIssues({ ...encounter, period: undefined, serviceProvider: { display: 'x' } }),
    ).toEqual([]);
    expect(
      fhirIssues({ ...encounter, period: undefined, serviceProvider: { reference: '#x' } }),
    ).toEqual([expect.stringMatching(/^Encounter.serviceProvider: Constraint ref-1 not met/)]);
  });

  it('names an unknown code or a wrong display of an HL7 code system, and leaves other systems be', () => {
    const encounter = (coding: object) => ({
      resourceType: 'Encounter',
      status: 'planned',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
      type: [{ coding: [coding] }],
    });
    const v2 = 'http://terminology.hl7.org/CodeSystem/v2-0276';
    expect(fhirIssues(encounter({ system: v2, code: 'ROUTINE' }))).toEqual([]);
    expect(
      fhirIssues(
        encounter({
          system: v2,
          code: 'ROUTINE',
          display: 'routine appointment - default if not valued',
        }),
      ),
    ).toEqual([]);
    expect(fhirIssues(encounter({ system: v2, code: 'ROUTINE', display: 'Routine' }))).toEqual([
      `Encounter.type[0].coding[0]: wrong display "Routine" for ${v2}#ROUTINE: "Routine appointment - default if not valued"`,
    ]);
    expect(fhirIssues(encounter({ system: v2, code: 'LATER' }))).toEqual([
      `Encounter.type[0].coding[0]: unknown code "LATER" in ${v2}`,
    ]);
    expect(fhirIssues(encounter({ system: 'http://loinc.org', code: 'anything' }))).toEqual([]);
  });

  it('warns about a reference to a resource type the element does not allow', () => {
    expect(fhirIssues({ ...slot, schedule: { reference: 'Patient/p-1' } })).toEqual([
      expect.stringMatching(/^Slot.schedule: Invalid reference/),
    ]);
  });

  it('fails a test with every issue listed', () => {
    expect(() => expectValidFhir({ ...slot, status: 'open', start: 'soon' }, 'the Slot')).toThrow(
      /the Slot is not valid FHIR R4:\n {2}Slot.start: Invalid instant format\n {2}Slot.status/,
    );
  });
});
