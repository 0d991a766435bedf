import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ensurePatientAccess, Principal, Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { CLOCK, Clock } from '../../shared/audit.settings';
import { ConsentRepository } from '../consent.repository';
import { FhirConsent, toFhirConsent } from '../fhir-consent';

class ConsentBundle {
  @ApiProperty({ enum: ['Bundle'] }) resourceType!: 'Bundle';
  @ApiProperty({ enum: ['searchset'] }) type!: 'searchset';
  @ApiProperty() total!: number;
  @ApiProperty() entry!: { fullUrl: string; resource: FhirConsent }[];
}

const patientOfBundle = (bundle: unknown): string[] =>
  (bundle as ConsentBundle).entry.map((e) => e.resource.patient.reference.slice('Patient/'.length));

@ApiTags('consent')
@ApiBearerAuth()
@Controller()
export class ReadConsentsController {
  constructor(
    private readonly consents: ConsentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A patient's consents, newest first; patients read only their own. */
  @Get('api/v1/patients/:patientId/consents')
  @Roles('patient', 'coordinator', 'admin')
  @PhiRead({
    resource: 'Consent',
    action: 'search',
    patients: (r) => (r as FhirConsent[]).map((c) => c.patient.reference.slice(8)),
  })
  @ApiOkResponse({ type: [FhirConsent] })
  async list(
    @Param('patientId', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FhirConsent[]> {
    ensurePatientAccess(principal, patientId);
    return this.read(patientId);
  }

  /** FHIR search: `GET /fhir/Consent?patient=<id>` as a searchset Bundle. */
  @Get('fhir/Consent')
  @Roles('patient', 'coordinator', 'admin')
  @PhiRead({ resource: 'Consent', action: 'search', patients: patientOfBundle })
  @ApiQuery({ name: 'patient', format: 'uuid' })
  @ApiOkResponse({ type: ConsentBundle })
  async search(
    @Query('patient', ParseUUIDPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConsentBundle> {
    ensurePatientAccess(principal, patientId);
    const consents = await this.read(patientId);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: consents.length,
      entry: consents.map((resource) => ({ fullUrl: `Consent/${resource.id}`, resource })),
    };
  }

  private async read(patientId: string): Promise<FhirConsent[]> {
    const at = this.clock().toISOString();
    const { state } = await this.consents.load(patientId);
    return [...state.consents].reverse().map((record) => toFhirConsent(record, at));
  }
}
