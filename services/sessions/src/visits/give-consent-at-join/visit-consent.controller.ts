import { Body, Controller, ForbiddenException, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { asHttp } from '../http-errors';
import { ForLinkHolder, LinkHolder } from '../link-holder';
import { GiveConsentAtJoinHandler } from './give-consent-at-join.handler';
import { CONSENT_TEXT_VERSION, TELEHEALTH_CONSENT_TEXT } from './telehealth-consent-text.data';
import {
  ConsentReceipt,
  ConsentTextQuery,
  ConsentTextResponse,
  GIVE_CONSENT_EXAMPLE,
  GiveConsentDto,
} from './visit-consent.dto';

/**
 * Telehealth consent on the visit page: the text a patient reads, and their acceptance, given
 * with the join link (patients have no account token). Consent records are compliance-audit's:
 * sessions records the acceptance as an event of the visit, and compliance grants the consent.
 */
@ApiTags('visit page')
@Controller('api/v1/visit')
export class VisitConsentController {
  constructor(private readonly handler: GiveConsentAtJoinHandler) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'consent-text',
    answer: ConsentTextResponse,
    summary: 'Read the telehealth consent text',
    description:
      'The consent a patient reads on the visit page before their first video visit, in English or Spanish, with the version an acceptance names. Public: the same text for everyone.',
    roles: 'public',
    phi: 'none: the consent text',
    errors: { 400: invalidInputDoc({ query: true }) },
  })
  text(@Query() query: ConsentTextQuery): ConsentTextResponse {
    const { title, paragraphs } = TELEHEALTH_CONSENT_TEXT[query.language];
    return {
      textVersion: CONSENT_TEXT_VERSION,
      language: query.language,
      title,
      paragraphs: [...paragraphs],
    };
  }

  @ForLinkHolder()
  @UseCaseRoute({
    method: 'POST',
    path: 'consent',
    status: 202,
    answer: ConsentReceipt,
    summary: 'Give telehealth consent with a join link',
    description:
      "The patient accepts the telehealth consent text on the visit page. No bearer token: the patient's join link (`X-Join-Token`, and `X-Device-Token` once bound) is the credential, and only a patient's link may consent. The visit records the acceptance (ConsentGivenAtJoin) and compliance-audit records the consent within seconds, captured by the patient themselves by electronic signature; the visit can then start. Nothing is recorded when a consent is already on record or the one given here is on its way (202 all the same).",
    roles: 'public',
    phi: 'none: a receipt',
    errors: {
      400: invalidInputDoc({
        body: true,
        also: '`X-Join-Token` or `X-Device-Token` is missing or malformed',
      }),
      403: "The link is not valid or not open yet, or it is not the patient's link (an interpreter, caregiver or provider cannot consent for the patient).",
      409: 'The link is in use on another device, the visit has ended, it changed at the same time, or the patient’s records were erased.',
      410: 'The link expired or was revoked.',
    },
    body: { type: GiveConsentDto, example: GIVE_CONSENT_EXAMPLE },
  })
  async give(
    @Body() dto: GiveConsentDto,
    @LinkHolder() holder: LinkHolder,
  ): Promise<ConsentReceipt> {
    if (holder.role !== 'patient')
      throw new ForbiddenException("only the patient's own link may give their consent");
    await asHttp(() => this.handler.give(holder, dto));
    return { recorded: true };
  }
}
