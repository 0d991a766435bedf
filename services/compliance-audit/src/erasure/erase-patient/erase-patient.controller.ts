import { Body, ConflictException, Controller, HttpStatus, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { Response } from 'express';
import { ClinicAccess } from '../../clinic-scope/clinic-access';
import { PATIENT_PARAM } from '../../openapi/api-docs';
import { PatientErasure } from '../patient-erasure';
import { PatientUnderLegalHoldError } from '../patient-erasure.errors';
import { ERASE_PATIENT_EXAMPLE, ErasePatientDto } from './erase-patient.dto';
import { PatientErasedResponse } from './erase-patient.response';

@ApiTags('erasure')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/erasure')
export class ErasePatientController {
  constructor(
    private readonly erasure: PatientErasure,
    private readonly access: ClinicAccess,
  ) {}

  @UseCaseRoute({
    method: 'POST',
    answer: {
      type: PatientErasedResponse,
      description: 'The erasure, as recorded (PatientErased)',
    },
    summary: "Erase a patient's PHI (right to erasure)",
    description:
      "Destroys the patient's data key (crypto-shredding): every sealed copy of their PHI, in any service's store and on Kafka, becomes unreadable at once, and nothing new can be sealed for them. Publishes PatientErased, on which every service purges the plaintext it keeps about the patient from its views, and chains the erasure into the audit trail before answering. Events, visit counts and the audit chain stay. Refused while the patient is under legal hold. Repeating it answers the erasure already made (200).",
    roles: ['admin'],
    phi: 'the patient id erased, the request reference, who erased it and when',
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], body: true }),
      403: "The token's role is not one of: admin; or the patient has no visit in a clinic the admin covers.",
      409: 'The patient is under legal hold: release the hold first.',
    },
    params: PATIENT_PARAM,
    body: { type: ErasePatientDto, example: ERASE_PATIENT_EXAMPLE },
  })
  // A repeat answers the erasure made before with 200: a second success status beside the 201.
  @ApiOkResponse({
    type: PatientErasedResponse,
    description: 'The patient had been erased before: that erasure',
  })
  async erase(
    @Param('patientId', ParseUuidParam) patientId: string,
    @Body() dto: ErasePatientDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PatientErasedResponse> {
    await this.access.ensurePatient(principal, patientId);
    try {
      const { created, erasure } = await this.erasure.erase(patientId, dto.requestRef, principal);
      response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
      return erasure;
    } catch (error) {
      if (error instanceof PatientUnderLegalHoldError) throw new ConflictException(error.message);
      throw error;
    }
  }
}
