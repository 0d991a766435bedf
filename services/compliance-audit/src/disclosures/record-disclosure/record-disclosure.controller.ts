import { Body, Controller, Param, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { PATIENT_PARAM } from '../../openapi/api-docs';
import { DisclosureInFutureError, DisclosureLog } from '../disclosure-log';
import { RECORD_DISCLOSURE_EXAMPLE, RecordDisclosureDto } from './record-disclosure.dto';
import { DisclosureRecordedResponse } from './record-disclosure.response';

@ApiTags('accounting of disclosures')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/disclosures')
export class RecordDisclosureController {
  constructor(
    private readonly disclosures: DisclosureLog,
    private readonly access: ClinicAccess,
  ) {}

  @UseCaseRoute({
    method: 'POST',
    answer: {
      type: DisclosureRecordedResponse,
      description: 'The disclosure, as recorded (DisclosureRecorded)',
    },
    summary: 'Record a disclosure to an outside party',
    description:
      "Records that the patient's PHI left the health system: to which organization, for which purpose, which kinds of records, and when. The disclosure is chained into the audit trail before the answer, published as DisclosureRecorded, and listed in the patient's access report beside every read.",
    roles: ['coordinator', 'admin'],
    phi: 'the patient id, the receiving organization, the purpose, the resource types disclosed and when',
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], body: true }),
      403: "The token's role is not one of: coordinator, admin; or the patient has no visit in a clinic the caller covers.",
      422: '`disclosedAt` is in the future.',
    },
    params: PATIENT_PARAM,
    body: { type: RecordDisclosureDto, example: RECORD_DISCLOSURE_EXAMPLE },
  })
  async record(
    @Param('patientId', ParseUuidParam) patientId: string,
    @Body() dto: RecordDisclosureDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DisclosureRecordedResponse> {
    await this.access.ensurePatient(principal, patientId);
    try {
      return await this.disclosures.record(patientId, dto, principal);
    } catch (error) {
      if (error instanceof DisclosureInFutureError)
        throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }
}
