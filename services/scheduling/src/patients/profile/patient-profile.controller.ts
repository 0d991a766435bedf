import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { uuidParam } from '../../openapi/api-docs';
import {
  PatientProfileRecordedAnswer,
  PatientProfileResponse,
  RECORD_PATIENT_PROFILE_EXAMPLE,
  RecordPatientProfileDto,
} from './patient-profile.dto';
import { ERASED, NO_PROFILE, PatientProfileHandler } from './patient-profile.handler';

const uuidPipe = new ParseUuidParam();
const PATIENT = uuidParam('patientId', 'The patient (the `sub` of their token)');
const PROFILE_PHI =
  "the patient's preferred language (sealed at rest and in events) and state of residence";

/** The minimum the platform keeps about a patient, recorded whole and read back. */
@ApiTags('patients')
@ApiBearerAuth()
@Controller('api/v1/patients/:patientId/profile')
export class PatientProfileController {
  constructor(private readonly profiles: PatientProfileHandler) {}

  @UseCaseRoute({
    method: 'PUT',
    status: 200,
    answer: PatientProfileRecordedAnswer,
    summary: "Record a patient's profile",
    description:
      "States the whole profile: the preferred language (BCP 47, kept in canonical case) and the state of residence (USPS code). The language is sealed under the patient's key in the event and the view; the state is kept in clear (a US state alone is not a HIPAA identifier). The patient records their own; a coordinator or admin only for a patient with a visit in a clinic they cover (covering some clinic is not enough, so a patient with no visit yet records it themself). Recording the same profile again changes nothing (`changed: false`).",
    roles: ['patient', 'coordinator', 'admin'],
    phi: `${PROFILE_PHI}, as stated`,
    errors: {
      400: invalidInputDoc({
        ids: ['patientId'],
        body: true,
        also: '`preferredLanguage` is not a BCP 47 tag, or `stateOfResidence` not a USPS code',
      }),
      403: 'The role is not one admitted here, a patient records for another patient, or a coordinator or admin covers no clinic the patient has a visit in.',
      409: 'Someone else changed the profile at the same time; repeat the request.',
      410: 'The patient was erased: nothing new is kept about them.',
    },
    params: { patientId: PATIENT },
    body: { type: RecordPatientProfileDto, example: RECORD_PATIENT_PROFILE_EXAMPLE },
  })
  record(
    @Param('patientId', uuidPipe) patientId: string,
    @Body() body: RecordPatientProfileDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PatientProfileRecordedAnswer> {
    return this.profiles.record(patientId, body, principal);
  }

  @PhiRead({
    resource: 'Patient',
    patients: (body) => [(body as PatientProfileResponse).patientId],
    resourceId: (body) => (body as PatientProfileResponse).patientId,
  })
  @UseCaseRoute({
    method: 'GET',
    answer: PatientProfileResponse,
    summary: "Read a patient's profile",
    description:
      "The patient's preferred language, opened with their key, and state of residence. The patient reads their own; a provider only within CARE_RELATIONSHIP_DAYS (default 90) after their last visit with the patient; a coordinator or admin only for a patient with a visit in a clinic they cover. Once the patient is erased the profile is gone (410). Each read is recorded as a PHI access, with the purpose stated in `X-Purpose-Of-Use` (default: the usual purpose of the role).",
    roles: ['patient', 'provider', 'coordinator', 'admin'],
    phi: PROFILE_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['patientId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, a patient asks for another patient, a provider has no visit with the patient within the care window, a coordinator or admin covers no clinic the patient has a visit in, or X-Purpose-Of-Use names a purpose the role may not use.',
      404: `${NO_PROFILE[0]?.toUpperCase()}${NO_PROFILE.slice(1)}.`,
      410: `${ERASED[0]?.toUpperCase()}${ERASED.slice(1)}.`,
    },
    params: { patientId: PATIENT },
  })
  read(
    @Param('patientId', uuidPipe) patientId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PatientProfileResponse> {
    return this.profiles.read(patientId, principal);
  }
}
