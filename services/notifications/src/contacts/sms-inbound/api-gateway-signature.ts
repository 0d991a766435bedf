import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** Documents the headers an SMS gateway's webhook is signed with (lower case, as read). */
export const ApiGatewaySignature = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'x-twilio-signature',
      required: true,
      example: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
      description:
        "Twilio's signature of the request: HMAC of NOTIFICATIONS_PUBLIC_URL + the path and query, and the form's fields, with TWILIO_AUTH_TOKEN.",
    }),
    ApiHeader({
      name: 'x-twilio-webhooks-signature-settings',
      required: false,
      example: 'HMAC_SHA256',
      description:
        'Which algorithm signed it, when the account signs with SHA-256 (SHA-1 otherwise).',
    }),
  );
