import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Principal } from '@thc/auth';
import { Clock, CLOCK, ID_PROVIDER, IdProvider } from '@thc/service-runtime';
import { asHttp } from '../../http-errors';
import { TRAINING_ACTING_ROLES } from '../../training.settings';
import type { ModuleVersion } from '../domain/module.state';
import { ModuleRepository } from '../infrastructure/module.repository';
import { CreateModuleDto, PublishModuleVersionDto } from './catalog.dto';
import { FanOutAssignments } from './fan-out-assignments';

/**
 * Creates modules and publishes their versions, then assigns the change to the staff it
 * concerns: a new module to the roles that need its topic, a version that requires
 * retraining to those who passed an earlier one.
 */
@Injectable()
export class ManageCatalogHandler {
  constructor(
    private readonly modules: ModuleRepository,
    private readonly fanOut: FanOutAssignments,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_PROVIDER) private readonly newId: IdProvider,
  ) {}

  async create(dto: CreateModuleDto, principal: Principal): Promise<ModuleVersion> {
    const { module } = await asHttp(() =>
      this.modules.handle(
        { type: 'CreateModule', moduleId: this.newId(), ...dto, ...this.stamp(principal) },
        { actor: principal.subject },
      ),
    );
    await this.fanOut.toRolesNeeding(module, principal);
    return module;
  }

  async publish(
    moduleId: string,
    dto: PublishModuleVersionDto,
    principal: Principal,
  ): Promise<ModuleVersion> {
    const { module, requiresRetraining } = await asHttp(() =>
      this.modules.handle(
        { type: 'PublishModuleVersion', moduleId, ...dto, ...this.stamp(principal) },
        { actor: principal.subject },
      ),
    );
    if (requiresRetraining) await this.fanOut.toStaffWhoPassed(module, principal);
    return module;
  }

  private stamp(principal: Principal) {
    return { at: this.clock().toISOString(), by: actorOf(principal, TRAINING_ACTING_ROLES) };
  }
}
