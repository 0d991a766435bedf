import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, ParseUuidParam, UseCaseRoute } from '@thc/service-runtime';
import { asHttpError, NO_RECORD } from '../contact-http-errors';
import { PERSON_PARAM } from '../person-param';
import { OPT_OUT_EXAMPLE, OptedOutAnswer, OptOutDto } from './opt-out.dto';
import { OptOutOnRequestHandler } from './opt-out-on-request.handler';

/** A person leaves a channel, through the API: themself, or staff on their word. */
@ApiTags('contact preferences')
@ApiBearerAuth()
@Controller('api/v1/people/:personId/contact-preferences/opt-out')
export class OptOutController {
  constructor(private readonly handler: OptOutOnRequestHandler) {}

  @UseCaseRoute({
    method: 'POST',
    status: 200,
    answer: OptedOutAnswer,
    summary: 'Opt a person out of a channel',
    description:
      'Nothing more is sent to the person on the channel (ChannelOptedOut, source `patient` when they ask themself, `staff` otherwise) until their consent to it is recorded again. Opting out again changes nothing (`changed: false`). The patient opts out themself; a coordinator or admin for a person recorded for a patient with a visit in a clinic they cover.',
    roles: ['patient', 'coordinator', 'admin'],
    phi: 'none: ids and the channel',
    errors: {
      400: invalidInputDoc({
        ids: ['personId'],
        body: true,
        also: '`channel` is not email or sms',
      }),
      403: 'The role is not one admitted here, a patient opts out someone else, or a coordinator or admin covers no clinic the patient has a visit in.',
      404: `${NO_RECORD[0]?.toUpperCase()}${NO_RECORD.slice(1)}.`,
      409: 'Someone else changed the record at the same time; repeat the request.',
      410: 'The patient was erased.',
    },
    params: { personId: PERSON_PARAM },
    body: { type: OptOutDto, example: OPT_OUT_EXAMPLE },
  })
  async optOut(
    @Param('personId', new ParseUuidParam()) personId: string,
    @Body() body: OptOutDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OptedOutAnswer> {
    try {
      const outcome = await this.handler.optOut(personId, body.channel, principal);
      return { personId, channel: body.channel, ...outcome };
    } catch (error) {
      throw asHttpError(error);
    }
  }
}
