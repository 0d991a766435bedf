import { Body, Controller, Headers, Inject, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { InvalidInputException, UseCaseRoute } from '@thc/service-runtime';
import { ApiGatewaySignature } from '../../contacts/sms-inbound/api-gateway-signature';
import type { Request } from 'express';
import { INBOUND_SMS_GATE, InboundSmsGate } from '../../contacts/sms-inbound/inbound-sms-gate';
import { SmsDeliveryReportHandler } from './sms-delivery-report.handler';

export const SMS_STATUS_PATH = 'api/v1/sms/status';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The gateway's reports on SMS it accepted (Twilio's status callback). */
@ApiTags('sms')
@Controller(SMS_STATUS_PATH)
export class SmsDeliveryReportController {
  constructor(
    @Inject(INBOUND_SMS_GATE) private readonly gate: InboundSmsGate,
    private readonly reports: SmsDeliveryReportHandler,
  ) {}

  @ApiGatewaySignature()
  @ApiConsumes('application/x-www-form-urlencoded')
  @UseCaseRoute({
    method: 'POST',
    status: 204,
    answer: { description: 'Taken; a repeated report changes nothing.' },
    summary: 'Receive a delivery report (SMS gateway webhook)',
    description:
      "Twilio's status callback for a message this service sent, form-encoded and signed (`X-Twilio-Signature` over NOTIFICATIONS_PUBLIC_URL + this path with its `messageId` query). `undelivered` or `failed` with a code meaning the number cannot be reached records NotificationBounced for the message's SMS; code 21610 (the number replied STOP to the gateway) also opts the person out of SMS. Other statuses change nothing. Without a configured gateway: 404.",
    roles: 'public',
    phi: 'none: no content',
    errors: {
      400: '`messageId` is not a UUID, or `MessageStatus` is missing.',
      403: 'The signature is missing or does not match: the request did not come from the gateway.',
      404: 'No SMS gateway is configured.',
    },
  })
  async report(
    @Req() request: Request,
    @Query('messageId') messageId: unknown,
    @Body() form: Record<string, unknown>,
    @Headers('x-twilio-signature') signature?: string,
    @Headers('x-twilio-webhooks-signature-settings') signatureSettings?: string,
  ): Promise<void> {
    const params = form ?? {};
    this.gate.admit({
      ...(signature ? { signature } : {}),
      ...(signatureSettings ? { signatureSettings } : {}),
      params,
      path: request.originalUrl,
    });
    if (typeof messageId !== 'string' || !UUID.test(messageId))
      throw new InvalidInputException([{ name: 'messageId', reason: 'messageId must be a UUID' }]);
    const status = params['MessageStatus'];
    if (typeof status !== 'string')
      throw new InvalidInputException([
        { name: 'MessageStatus', reason: 'MessageStatus must be a string' },
      ]);
    const code = Number(params['ErrorCode']);
    await this.reports.received({
      messageId,
      status,
      ...(Number.isInteger(code) && code > 0 ? { errorCode: code } : {}),
    });
  }
}
