import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProjectionProgressResponse } from './projection-progress.response';
import { VisitMetricsVersions } from './visit-metrics.versions';
import { UseCaseRoute } from '@thc/service-runtime';

/** How far each version of the metrics projection this instance runs has got. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class ProjectionProgressController {
  constructor(private readonly versions: VisitMetricsVersions) {}

  @UseCaseRoute({
    method: 'GET',
    path: 'projection',
    answer: {
      type: [ProjectionProgressResponse],
      description: 'Versions of the projection this instance runs, with progress.',
    },
    summary: 'Read the projection progress',
    description:
      'The versions of the metrics projection this instance runs: the one serving queries and any being rebuilt beside it, with events processed, rate and time left. Not clinic data (event counts of the whole deployment, no figure per clinic), so the same for every analyst whatever clinics they cover.',
    roles: ['analyst', 'admin'],
    phi: 'none: versions and event counts',
    errors: {},
  })
  projection(): ProjectionProgressResponse[] {
    return this.versions.progress();
  }
}
