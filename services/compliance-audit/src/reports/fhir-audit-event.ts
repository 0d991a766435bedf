import type {
  AuditEvent,
  AuditEventAgent,
  AuditEventEntity,
  Bundle,
  Extension,
} from '@medplum/fhirtypes';
import { codeSystemUrl, extensionUrl } from '../fhir/fhir-urls';
import type { ReportRow } from './report-row';

const PURPOSE_OF_USE: Readonly<Record<string, string>> = {
  treatment: 'TREAT',
  payment: 'HPAYMT',
  operations: 'HOPERAT',
  'patient-request': 'PATRQT',
  audit: 'HSYSADMIN',
  legal: 'HLEGAL',
};

/** A staff member by reference and, when the directory lists them, by name; never a patient's name. */
function who(row: ReportRow): AuditEventAgent['who'] {
  if (row.actorId) {
    const type = row.role === 'patient' ? 'Patient' : 'Practitioner';
    return {
      reference: `${type}/${row.actorId}`,
      ...(row.actorName && type === 'Practitioner' ? { display: row.actorName } : {}),
    };
  }
  return { display: row.role ?? 'unknown' };
}

const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';

/** A read of a patient's record, or any other operation of the platform's APIs. */
function eventType(row: ReportRow): AuditEvent['type'] {
  return row.eventType === 'thc.compliance.PhiAccessed.v1'
    ? {
        system: 'http://dicom.nema.org/resources/ontology/DCM',
        code: '110110',
        display: 'Patient Record',
      }
    : {
        system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
        code: 'rest',
        display: 'RESTful Operation',
      };
}

/** The purpose of use as its v3 ActReason code, when it has one. */
function purposeOfEvent(row: ReportRow): Pick<AuditEvent, 'purposeOfEvent'> {
  const code = row.purpose ? PURPOSE_OF_USE[row.purpose] : undefined;
  if (!code) return {};
  return {
    purposeOfEvent: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code }] },
    ],
  };
}

/** Who asked and, for a disclosure outside the health system, who received the data. */
function agents(row: ReportRow): AuditEventAgent[] {
  const requestor: AuditEventAgent = {
    who: who(row),
    ...(row.role ? { role: [{ text: row.role }] } : {}),
    requestor: true,
  };
  if (!row.recipient) return [requestor];
  const recipient: AuditEventAgent = {
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
          code: 'IRCP',
          display: 'information recipient',
        },
      ],
    },
    who: { display: row.recipient },
    requestor: false,
  };
  return [requestor, recipient];
}

/** The service that recorded it, as an application server. */
function source(row: ReportRow): AuditEvent['source'] {
  return {
    observer: { display: row.service },
    type: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
        code: '4',
        display: 'Application Server',
      },
    ],
  };
}

/** The patient concerned, if any, and the resource acted on. */
function entities(row: ReportRow): AuditEventEntity[] {
  const patient: AuditEventEntity[] = row.patientId
    ? [
        {
          what: { reference: `Patient/${row.patientId}` },
          type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
        },
      ]
    : [];
  const resource: AuditEventEntity = {
    what: row.resourceId
      ? { reference: `${row.resourceType}/${row.resourceId}` }
      : { display: row.resourceType },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
  };
  return [...patient, resource];
}

/** The entry's place in the chain, and the ids that tie it to its request. */
function extensions(row: ReportRow): Extension[] {
  return [
    { url: extensionUrl('audit-sequence'), valueInteger: row.seq },
    { url: extensionUrl('audit-hash'), valueString: row.hash },
    ...(row.traceId ? [{ url: extensionUrl('trace-id'), valueString: row.traceId }] : []),
    ...(row.correlationId
      ? [{ url: extensionUrl('correlation-id'), valueString: row.correlationId }]
      : []),
  ];
}

/** One audit entry as a FHIR R4 AuditEvent. */
export function toFhirAuditEvent(row: ReportRow): AuditEvent {
  return {
    resourceType: 'AuditEvent',
    id: row.eventId,
    type: eventType(row),
    subtype: [{ system: codeSystemUrl('event-type'), code: row.eventType }],
    // Report rows carry the trail's AuditAction and AuditOutcome as strings: they are R4's codes.
    action: row.action as AuditEvent['action'],
    recorded: row.occurredAt,
    outcome: row.outcome as AuditEvent['outcome'],
    ...purposeOfEvent(row),
    agent: agents(row),
    source: source(row),
    entity: entities(row),
    extension: extensions(row),
  };
}

/** A page of entries as a FHIR searchset Bundle of AuditEvents. */
export function toFhirBundle(rows: readonly ReportRow[], next?: string): Bundle<AuditEvent> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: rows.length,
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    // No FHIR URL reads one entry: each is named by its event id as a URN (R4 wants an
    // absolute fullUrl).
    entry: rows.map((row) => ({
      fullUrl: `urn:uuid:${row.eventId}`,
      resource: toFhirAuditEvent(row),
      search: { mode: 'match' },
    })),
  };
}

/** The patients a bundle names, for the PHI access record. */
export function patientsInBundle(bundle: Bundle<AuditEvent>): string[] {
  return (bundle.entry ?? []).flatMap((e) =>
    (e.resource?.entity ?? [])
      .map((entity) => entity.what?.reference)
      .filter((ref): ref is string => !!ref?.startsWith('Patient/'))
      .map((ref) => ref.slice('Patient/'.length)),
  );
}
