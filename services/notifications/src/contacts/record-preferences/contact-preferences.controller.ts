import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, PhiRead, UseCaseRoute } from '@thc/service-runtime';
import { ERASED, NO_RECORD } from '../contact-http-errors';
import { PERSON_PARAM } from '../person-param';
import {
  ContactPreferencesRecordedAnswer,
  ContactPreferencesResponse,
} from './contact-preferences-answers.dto';
import {
  RECORD_CONTACT_PREFERENCES_EXAMPLE,
  RecordContactPreferencesDto,
} from './contact-preferences.dto';
import { ReadContactPreferencesHandler } from './read-contact-preferences.handler';
import { RecordContactPreferencesHandler } from './record-contact-preferences.handler';

const uuidPipe = new ParseUuidParam();
const CONTACT_PHI =
  'e-mail address, mobile number and preferred language (each sealed at rest and in events under the patient’s key)';
const REACH =
  'The patient records and reads their own; a coordinator or admin those of a patient with a visit in a clinic they cover (covering some clinic is not enough), and of the caregivers and interpreters recorded for that patient.';
const sentence = (text: string) => `${text[0]?.toUpperCase()}${text.slice(1)}.`;

/** A person's contact points and preferences, recorded whole and read back. */
@ApiTags('contact preferences')
@ApiBearerAuth()
@Controller('api/v1/people/:personId/contact-preferences')
export class ContactPreferencesController {
  constructor(
    private readonly recorder: RecordContactPreferencesHandler,
    private readonly reader: ReadContactPreferencesHandler,
  ) {}

  @UseCaseRoute({
    method: 'PUT',
    status: 200,
    answer: ContactPreferencesRecordedAnswer,
    summary: "Record a person's contact preferences",
    description: `States the whole record: e-mail, mobile (E.164), preferred language (BCP 47), time zone, quiet hours and consent per channel; what is left out is not kept any more. Contact points and language are sealed under the key of the patient the record belongs to (\`patientId\`, by default the person). ${REACH} Recording the same record again changes nothing (\`changed: false\`); stating consent on a channel the person opted out of opts them in again.`,
    roles: ['patient', 'coordinator', 'admin'],
    phi: `${CONTACT_PHI}, as stated`,
    errors: {
      400: invalidInputDoc({
        ids: ['personId'],
        body: true,
        also: '`mobile` is not an E.164 number, `timeZone` not an IANA zone, `preferredLanguage` not a BCP 47 tag, or quiet hours not HH:mm',
      }),
      403: 'The role is not one admitted here, a patient records for someone else or names another patient, or a coordinator or admin covers no clinic the patient has a visit in.',
      409: 'Someone else changed the record at the same time; repeat the request.',
      410: 'The patient was erased: nothing new is kept about them.',
    },
    params: { personId: PERSON_PARAM },
    body: { type: RecordContactPreferencesDto, example: RECORD_CONTACT_PREFERENCES_EXAMPLE },
  })
  record(
    @Param('personId', uuidPipe) personId: string,
    @Body() body: RecordContactPreferencesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContactPreferencesRecordedAnswer> {
    return this.recorder.record(personId, body, principal);
  }

  @PhiRead({
    resource: 'Person',
    patients: (body) => [(body as ContactPreferencesResponse).patientId],
    resourceId: (body) => (body as ContactPreferencesResponse).personId,
  })
  @UseCaseRoute({
    method: 'GET',
    answer: ContactPreferencesResponse,
    summary: "Read a person's contact preferences",
    description: `The record opened with the patient's key, with the channels the person opted out of since. ${REACH} Each read is recorded as a PHI access, with the purpose stated in \`X-Purpose-Of-Use\` (default: the usual purpose of the role).`,
    roles: ['patient', 'coordinator', 'admin'],
    phi: CONTACT_PHI,
    errors: {
      400: invalidInputDoc({ ids: ['personId'], purposeOfUse: true }),
      403: 'The role is not one admitted here, a patient asks for someone else, a coordinator or admin covers no clinic the patient has a visit in, or X-Purpose-Of-Use names a purpose the role may not use.',
      404: sentence(NO_RECORD),
      410: sentence(ERASED),
    },
    params: { personId: PERSON_PARAM },
  })
  read(
    @Param('personId', uuidPipe) personId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContactPreferencesResponse> {
    return this.reader.read(personId, principal);
  }
}
