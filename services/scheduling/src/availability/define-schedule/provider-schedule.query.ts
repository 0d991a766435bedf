import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { hasAnyRole, Principal } from '@thc/auth';
import { ProviderScheduleRepository } from '../infrastructure/provider-schedule.repository';
import { ensureScheduleReadable } from '../schedule-access';

/**
 * A provider's schedule as its stream stands: the latest rules and every period in force. A
 * provider reads only their own; a coordinator or admin only one in a clinic they cover.
 */
@Injectable()
export class ProviderScheduleQuery {
  constructor(private readonly schedules: ProviderScheduleRepository) {}

  async read(providerId: string, principal: Principal) {
    if (!hasAnyRole(principal, ['coordinator', 'admin']) && principal.subject !== providerId)
      throw new ForbiddenException('a provider may read only their own schedule');
    const { state, version } = await this.schedules.load(providerId);
    if (state.status !== 'defined')
      throw new NotFoundException(`provider ${providerId} has no schedule`);
    if (principal.subject !== providerId) ensureScheduleReadable(principal, state.schedule);
    return { providerId, version, rules: state.latest, periods: state.schedule.periods };
  }
}
