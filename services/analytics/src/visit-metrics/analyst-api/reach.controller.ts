import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@thc/auth';
import { invalidInputDoc, UseCaseRoute } from '@thc/service-runtime';
import { REACH_FIGURES } from '../domain/reach-figures';
import { ReachFigureDefinitionResponse } from './figure-definition.response';
import { ReachQuery } from './reach-query.dto';
import { ReachPage } from './reach.response';
import { ReachReader } from './reach.query';

/** How well messages reach patients and the people around them: aggregates for analysts. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics/reach')
export class ReachController {
  constructor(private readonly reader: ReachReader) {}

  @UseCaseRoute({
    method: 'GET',
    answer: ReachPage,
    summary: 'Query the reach of messages',
    description:
      'Per calendar month of the first outcome: messages with an outcome, those that reached the person (sent on a channel and not refused by the address), the reach rate, bounced and failed messages, and failures by reason; for every message, or split by the clinic of the visit a message is about, by message kind, or by channel (per channel outcome). A row made of fewer than ANALYTICS_MIN_CELL_COUNT (default 11) messages is withheld: null, named in `suppressed`. Bounded to the clinics the token covers; messages about no visit analytics knows (clinicId null) only for a token of every clinic. Attendance with and without a delivered reminder is in the metrics table (`attendanceRateReminded`, `attendanceRateNotReminded`).',
    roles: ['analyst', 'admin'],
    phi: 'none: counts by month, clinic, kind and channel; no patient, recipient or address',
    errors: {
      400: invalidInputDoc({
        query: true,
        also: '`to` is before `from` or more than 36 months after it',
      }),
      403: "The token's role is not one of: analyst, admin; or `clinicId` is a clinic the token does not cover.",
    },
  })
  async reach(
    @Query() query: ReachQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReachPage> {
    return this.reader.read(query, principal);
  }

  @UseCaseRoute({
    method: 'GET',
    path: 'definitions',
    answer: {
      type: [ReachFigureDefinitionResponse],
      description: 'Every reach figure: name, title, unit and written definition.',
    },
    summary: 'Read the reach figure definitions',
    description: 'Every figure of the reach table: its name, title, unit and written definition.',
    roles: ['analyst', 'admin'],
    phi: 'none: definitions only',
    errors: {},
  })
  definitions(): ReachFigureDefinitionResponse[] {
    return REACH_FIGURES.map(({ name, title, unit, definition }) => ({
      name,
      title,
      unit,
      definition,
    }));
  }
}
