import { Controller, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { CONSENT_PHI, EXAMPLE_ID, PATIENT_PARAM } from '../../openapi/api-docs';
import { consentSearchset, FhirConsent } from '../fhir-consent';
import { ReadConsentsQuery } from './read-consents.query';

class ConsentBundle {
  @ApiProperty({ enum: ['Bundle'] }) resourceType!: 'Bundle';
  @ApiProperty({ enum: ['searchset'] }) type!: 'searchset';
  @ApiProperty() total!: number;
  @ApiProperty() entry!: { fullUrl: string; resource: FhirConsent; search: { mode: 'match' } }[];
}

const patientOfBundle = (bundle: unknown): string[] =>
  (bundle as ConsentBundle).entry.map((e) => e.resource.patient.reference.slice('Patient/'.length));

@ApiTags('consent')
@ApiBearerAuth()
@Controller()
export class ReadConsentsController {
  constructor(
    private readonly consents: ReadConsentsQuery,
    private readonly access: ClinicAccess,
  ) {}

  @PhiRead({
    resource: 'Consent',
    action: 'search',
    patients: (r) => (r as FhirConsent[]).map((c) => c.patient.reference.slice(8)),
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'api/v1/patients/:patientId/consents',
    answer: [FhirConsent],
    summary: "List a patient's consents",
    description:
      'Every consent of the patient, newest first, as FHIR Consent resources with their status now. Patients read only their own.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: `the patient's consents, each with its ${CONSENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], purposeOfUse: true }),
      403: "The token's role is not one of: patient, coordinator, admin; a patient asks for another patient's consents; or the patient has no visit in a clinic the coordinator or admin covers.",
    },
    params: PATIENT_PARAM,
  })
  async list(
    @Param('patientId', ParseUuidParam) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent[]> {
    await this.access.ensurePatient(principal, patientId);
    return this.consents.read(patientId);
  }

  @Header('Content-Type', 'application/fhir+json')
  @PhiRead({ resource: 'Consent', action: 'search', patients: patientOfBundle })
  @ApiQuery({
    name: 'patient',
    format: 'uuid',
    description: 'The patient whose consents are searched',
    example: EXAMPLE_ID.patientId,
  })
  @UseCaseRoute({
    method: 'GET',
    path: 'fhir/Consent',
    answer: ConsentBundle,
    summary: "Search a patient's consents (FHIR)",
    description:
      "FHIR search `GET /fhir/Consent?patient=<id>`: the patient's consents, newest first, as a searchset Bundle. Patients search only their own.",
    roles: ['patient', 'coordinator', 'admin'],
    phi: `the patient's consents, each with its ${CONSENT_PHI}`,
    errors: {
      400: invalidInputDoc({ ids: ['patient'], purposeOfUse: true }),
      403: "The token's role is not one of: patient, coordinator, admin; a patient searches another patient's consents; or the patient has no visit in a clinic the coordinator or admin covers.",
    },
  })
  @ApiProduces('application/fhir+json')
  async search(
    @Query('patient', ParseUuidParam) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConsentBundle> {
    await this.access.ensurePatient(principal, patientId);
    return consentSearchset(await this.consents.read(patientId));
  }
}
