import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { uuidParamDoc } from '../../openapi/api-docs';
import { ROLE_REQUIREMENTS, CERTIFICATION_SOURCES } from '../../requirements/role-requirements';
import { uuidParam } from '../../uuid-param';
import {
  CREATE_MODULE_EXAMPLE,
  CreateModuleDto,
  PUBLISH_MODULE_VERSION_EXAMPLE,
  PublishModuleVersionDto,
} from './catalog.dto';
import { CatalogQuery } from './catalog.query';
import { ManageCatalogHandler } from './manage-catalog.handler';
import { ModuleVersionResponse } from './module-version.response';
import { TrainingRequirementsResponse } from './requirements.response';

@ApiTags('training catalog')
@ApiBearerAuth()
@Controller('api/v1/training')
export class CatalogController {
  constructor(
    private readonly handler: ManageCatalogHandler,
    private readonly catalog: CatalogQuery,
  ) {}

  @UseCaseRoute({
    method: 'POST',
    path: 'modules',
    answer: { type: ModuleVersionResponse, description: 'The module as published.' },
    summary: 'Create a module (version 1)',
    description:
      'Adds a module to the catalog at version 1. Every enrolled staff member whose role needs its topic is assigned it, due in `TRAINING_ASSIGNMENT_DUE_DAYS`.',
    roles: ['trainer', 'admin'],
    phi: 'none: the module as published',
    errors: { 400: invalidInputDoc({ body: true }) },
    body: { type: CreateModuleDto, example: CREATE_MODULE_EXAMPLE },
  })
  create(
    @Body() dto: CreateModuleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModuleVersionResponse> {
    return this.handler.create(dto, principal);
  }

  @UseCaseRoute({
    method: 'POST',
    path: 'modules/:moduleId/versions',
    answer: { type: ModuleVersionResponse, description: 'The new current version.' },
    summary: "Publish a module's next version",
    description:
      'Publishes the next version of a module; fields left out keep their current value. With `requiresRetraining`, staff who passed an earlier version are assigned it again. Later attempts are scored against this version.',
    roles: ['trainer', 'admin'],
    phi: 'none: the new current version',
    errors: {
      400: invalidInputDoc({ ids: ['moduleId'], v4: true, body: true }),
      409: 'No module with this id in the catalog.',
    },
    params: { moduleId: uuidParamDoc('moduleId', 'The catalog module') },
    body: { type: PublishModuleVersionDto, example: PUBLISH_MODULE_VERSION_EXAMPLE },
  })
  publish(
    @Param('moduleId', uuidParam) moduleId: string,
    @Body() dto: PublishModuleVersionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ModuleVersionResponse> {
    return this.handler.publish(moduleId, dto, principal);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'modules',
    answer: {
      type: [ModuleVersionResponse],
      description: 'The modules at their current versions.',
    },
    summary: 'List the catalog',
    description: 'Every module at its current version, by module code.',
    roles: ['trainer', 'admin', 'provider', 'coordinator'],
    phi: 'none: modules only',
    errors: {},
  })
  list(): Promise<ModuleVersionResponse[]> {
    return this.catalog.modules();
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'requirements',
    answer: {
      type: TrainingRequirementsResponse,
      description: 'Requirements by role, and the sources of each certification.',
    },
    summary: 'Read the requirements by role',
    description:
      'What each staff role needs for a telehealth credential, with renewal periods, and how each certification is earned (module topics, or recorded from outside).',
    roles: ['trainer', 'admin', 'provider', 'coordinator'],
    phi: 'none: policy only',
    errors: {},
  })
  requirements(): TrainingRequirementsResponse {
    return { roles: ROLE_REQUIREMENTS, certifications: CERTIFICATION_SOURCES };
  }
}
