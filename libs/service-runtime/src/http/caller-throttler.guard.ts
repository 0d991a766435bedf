import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { TokenVerifier } from '@thc/auth';
import { callerKey, RequestForCaller } from './caller-key';

/**
 * The request budget, counted per caller: per token subject for a request with a valid bearer
 * token, per client address otherwise. Behind the ingress every client shares the ingress's
 * address, so counting by address alone would let one user exhaust everyone's budget.
 *
 * It runs before the access guard (no work before the budget is checked), so it verifies the
 * token itself: an unverified subject would let a caller pick a fresh budget per request.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {
    super(options, storage, reflector);
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    return callerKey(
      req as unknown as RequestForCaller,
      async (token) => (await this.verifier.verify(token)).subject,
    );
  }
}
