import { Body, Controller, Header, Headers, Inject } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { InvalidInputException, textAnswer, UseCaseRoute } from '@thc/service-runtime';
import { ApiGatewaySignature } from './api-gateway-signature';
import { INBOUND_SMS_EXAMPLE, InboundSmsForm } from './inbound-sms.form';
import { INBOUND_SMS_GATE, INBOUND_SMS_PATH, InboundSmsGate } from './inbound-sms-gate';
import { StopReplyHandler } from './stop-reply.handler';

/** An empty TwiML answer: nothing is texted back (the gateway confirms a STOP itself). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const field = (form: Record<string, unknown>, name: 'From' | 'Body'): string => {
  const value = form[name];
  if (typeof value !== 'string')
    throw new InvalidInputException([{ name, reason: `${name} must be a string` }]);
  return value;
};

/** Texts people send to the service's number, as the SMS gateway delivers them. */
@ApiTags('sms')
@Controller(INBOUND_SMS_PATH)
export class SmsInboundController {
  constructor(
    @Inject(INBOUND_SMS_GATE) private readonly gate: InboundSmsGate,
    private readonly stops: StopReplyHandler,
  ) {}

  @ApiGatewaySignature()
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiConsumes('application/x-www-form-urlencoded')
  @UseCaseRoute({
    method: 'POST',
    status: 200,
    answer: textAnswer('text/xml', 'Empty TwiML.'),
    summary: 'Receive a text (SMS gateway webhook)',
    description:
      "Twilio's incoming-message webhook, form-encoded and signed (`X-Twilio-Signature`, checked with TWILIO_AUTH_TOKEN against NOTIFICATIONS_PUBLIC_URL + this path). A STOP reply (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT; any case) opts every person recorded with the sender's number out of SMS (ChannelOptedOut, source `stop-reply`); START is left to the gateway, which lifts its own block. The answer is empty TwiML: nothing is texted back. Without a configured gateway (NOTIFICATIONS_SMS_PROVIDER other than twilio) there is nothing to receive: 404.",
    roles: 'public',
    phi: 'none: empty TwiML',
    errors: {
      400: '`From` or `Body` is missing, or a field name is a MongoDB operator.',
      403: 'The signature is missing or does not match: the request did not come from the gateway.',
      404: 'No SMS gateway is configured.',
    },
    body: { type: InboundSmsForm, example: INBOUND_SMS_EXAMPLE },
  })
  async receive(
    // The whole form, not a DTO: the gateway sends fields it may add to, all signed.
    @Body() form: Record<string, unknown>,
    @Headers('x-twilio-signature') signature?: string,
    @Headers('x-twilio-webhooks-signature-settings') signatureSettings?: string,
  ): Promise<string> {
    const params = form ?? {};
    this.gate.admit({
      ...(signature ? { signature } : {}),
      ...(signatureSettings ? { signatureSettings } : {}),
      params,
    });
    await this.stops.received(field(params, 'From'), field(params, 'Body'));
    return EMPTY_TWIML;
  }
}
