import {
  applyDecorators,
  BadRequestException,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Public } from '@thc/auth';
import { LinkRefusedError } from './domain/session.errors';
import type { Session } from './domain/session.state';
import { refusalProblem } from './join-refusals';
import { JoinLinkSigner } from './infrastructure/join-link.signer';
import { LinkDevices } from './infrastructure/link-devices.projection';
import { SessionViews } from './infrastructure/session-views.projection';
import { LinkHolder as Holder, standingOf } from './link-standing';
import { Clock, CLOCK } from '@thc/service-runtime';

export type LinkHolder = Holder;

export const JOIN_TOKEN_HEADER = 'x-join-token';
export const DEVICE_TOKEN_HEADER = 'x-device-token';

/** The shapes of the two tokens; these are not signed by any service. */
const JOIN_TOKEN_EXAMPLE =
  'eyJhbGciOiJIUzI1NiJ9.eyJsaWQiOiI3OTQ3ZDVkYy1jNWM1LTQ2OWQtYjBhYy05YjI0NWM3NGVjN2EifQ.c2lnbmF0dXJlLW9mLXRoZS1zZXJ2aWNl';
const DEVICE_TOKEN_EXAMPLE = 'q3N5ZGV2aWNlLXRva2VuLWV4YW1wbGUtMDEyMzQ1Njc';

const JOIN_TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What the guard leaves on the request for the route: the holder and the session it read. */
interface LinkHolderRequest {
  headers: Record<string, string | string[] | undefined>;
  linkHolder?: LinkHolder;
  linkSession?: Session;
}

function header(request: LinkHolderRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Lets in the holder of a join link, with no bearer token: the link is verified as the join
 * exchange verifies it (signature and window, the session's own link, not revoked or
 * expired, the device it is bound to), and refused with the same sentences in the caller's
 * language (403, 409, 410). Reads the session view by id and the link's binding by id.
 */
@Injectable()
export class LinkHolderGuard implements CanActivate {
  constructor(
    private readonly signer: JoinLinkSigner,
    private readonly devices: LinkDevices,
    private readonly views: SessionViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LinkHolderRequest>();
    const token = header(request, JOIN_TOKEN_HEADER);
    const deviceToken = header(request, DEVICE_TOKEN_HEADER);
    if (!token || token.length > 2048 || !JOIN_TOKEN.test(token))
      throw new BadRequestException('X-Join-Token must be the token of a join link');
    if (deviceToken !== undefined && !DEVICE_TOKEN.test(deviceToken))
      throw new BadRequestException('X-Device-Token must be a device token');
    const language = header(request, 'accept-language');
    const now = this.clock();
    try {
      const { linkId, sessionId } = await this.signer.verify(token, now);
      const [view, binding] = await Promise.all([
        this.views.find(sessionId),
        this.devices.bindingOf(linkId, deviceToken),
      ]);
      const standing = standingOf(view ?? { status: 'none' }, linkId, binding.device, now);
      if ('refused' in standing) throw new LinkRefusedError(standing.refused);
      request.linkHolder = standing.holder;
      if (view) request.linkSession = view;
      return true;
    } catch (error) {
      if (error instanceof LinkRefusedError) throw refusalProblem(error.refusal, language);
      throw error;
    }
  }
}

/** The join link's holder, as LinkHolderGuard verified it. */
export const LinkHolder = createParamDecorator(
  (_: unknown, context: ExecutionContext): LinkHolder => {
    const holder = context.switchToHttp().getRequest<LinkHolderRequest>().linkHolder;
    if (!holder) throw new Error('LinkHolder used on a route without LinkHolderGuard');
    return holder;
  },
);

/** The session as the guard read it (its view), to answer without reading it again. */
export const LinkSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): Session => {
    const session = context.switchToHttp().getRequest<LinkHolderRequest>().linkSession;
    if (!session) throw new Error('LinkSession used on a route without LinkHolderGuard');
    return session;
  },
);

/**
 * A route of the link holder: no bearer token (`@Public()` for the bearer guard), the join
 * link in `X-Join-Token` and, once the link is bound to a device, its device token in
 * `X-Device-Token`, both documented.
 */
export const ForLinkHolder = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Public(),
    UseGuards(LinkHolderGuard),
    ApiHeader({
      name: JOIN_TOKEN_HEADER,
      required: true,
      example: JOIN_TOKEN_EXAMPLE,
      description: 'The token of the join link (the part of the link after #).',
    }),
    ApiHeader({
      name: DEVICE_TOKEN_HEADER,
      required: false,
      example: DEVICE_TOKEN_EXAMPLE,
      description:
        'The device token the join exchange (`POST /api/v1/join`) returned; required once the link is bound to a device.',
    }),
  );
