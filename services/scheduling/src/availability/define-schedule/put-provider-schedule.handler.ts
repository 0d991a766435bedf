import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@thc/auth';
import { ConcurrencyError } from '@thc/event-store';
import { Clock, CLOCK, InvalidInputException } from '@thc/service-runtime';
import { ClinicProvidersProjection } from '../infrastructure/clinic-providers.projection';
import {
  InvalidScheduleRules,
  ScheduleAlreadyDefined,
  ScheduleNotDefined,
} from '../domain/provider-schedule.errors';
import type { ScheduleActor } from '../domain/schedule-rules';
import { ProviderScheduleRepository } from '../infrastructure/provider-schedule.repository';
import type { PutProviderScheduleDto } from './put-provider-schedule.dto';
import { toScheduleRules } from './to-schedule-rules';
import { ensureScheduleWritable } from '../schedule-access';

export interface PutScheduleResult {
  readonly providerId: string;
  /** Stream version after the save; unchanged when the rules were the same. */
  readonly version: number;
  readonly changed: boolean;
}

function actorOf(principal: Principal): ScheduleActor {
  const role = principal.roles.includes('coordinator') ? 'coordinator' : 'admin';
  return { kind: 'user', userId: principal.subject, role };
}

/**
 * PUT semantics: define the first schedule, or change the existing one, in a clinic the caller
 * covers (and, for a change, while the provider's current clinic is one they cover).
 */
@Injectable()
export class PutProviderScheduleHandler {
  constructor(
    private readonly schedules: ProviderScheduleRepository,
    private readonly clinics: ClinicProvidersProjection,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  async execute(
    providerId: string,
    dto: PutProviderScheduleDto,
    principal: Principal,
  ): Promise<PutScheduleResult> {
    ensureScheduleWritable(principal, dto.clinicId, await this.schedules.current(providerId));
    const issuedAt = this.now();
    const rules = toScheduleRules(dto, issuedAt);
    const before = await this.schedules.load(providerId);
    const fields = {
      providerId,
      rules,
      issuedAt: issuedAt.toISOString(),
      issuedBy: actorOf(principal),
    };
    try {
      const result = await this.schedules.handle(
        before.version === 0
          ? { type: 'DefineProviderSchedule', ...fields }
          : { type: 'ChangeProviderSchedule', ...fields },
        { actor: principal.subject },
        before,
      );
      const previousClinic =
        before.state.status === 'defined' ? before.state.latest.clinicId : undefined;
      await this.clinics.place(providerId, rules.clinicId, previousClinic);
      return { providerId, version: result.version, changed: result.events.length > 0 };
    } catch (error) {
      throw toHttpError(error);
    }
  }
}

function toHttpError(error: unknown): unknown {
  if (error instanceof InvalidScheduleRules) {
    return new InvalidInputException(
      error.violations.map(({ field, reason }) => ({ name: field, reason })),
    );
  }
  // A first definition raced by another: the retry decided again and found the stream taken.
  if (error instanceof ScheduleAlreadyDefined || error instanceof ScheduleNotDefined)
    return new ConflictException(`${error.message}; repeat the request`);
  if (error instanceof ConcurrencyError)
    return new ConflictException(
      'the schedule was being changed by someone else; repeat the request',
    );
  return error;
}
