import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { FHIR_JSON, FhirBundle, FhirSchedule, FhirSlot } from './fhir-resources';
import { searchsetOf } from './fhir-slot.mapper';
import { FhirSlotQueryDto } from './fhir-slot-query.dto';
import { FhirViewsHandler } from './fhir-views.handler';

interface HttpRequest {
  protocol: string;
  originalUrl: string;
  get(name: string): string | undefined;
}

const baseUrlOf = (request: HttpRequest) =>
  `${request.protocol}://${request.get('host') ?? 'localhost'}/fhir`;

@ApiTags('fhir')
@Controller('fhir')
export class FhirViewsController {
  constructor(private readonly views: FhirViewsHandler) {}

  @Get('Schedule/:providerId')
  @Header('Content-Type', FHIR_JSON)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOperation({ summary: "FHIR R4 Schedule of a provider's telehealth availability" })
  async schedule(
    @Param('providerId', new ParseUUIDPipe({ version: '4' })) providerId: string,
  ): Promise<FhirSchedule> {
    const schedule = await this.views.schedule(providerId);
    if (!schedule) throw new NotFoundException(`Schedule/${providerId} does not exist`);
    return schedule;
  }

  @Get('Slot')
  @Header('Content-Type', FHIR_JSON)
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOperation({ summary: 'FHIR R4 searchset of free and busy Slots of one schedule on one date' })
  async slots(
    @Query() query: FhirSlotQueryDto,
    @Req() request: HttpRequest,
  ): Promise<FhirBundle<FhirSlot>> {
    const providerId = query.schedule.replace(/^Schedule\//, '');
    const slots = await this.views.slotsOn(providerId, query.start, query['service-type']);
    if (!slots) throw new NotFoundException(`Schedule/${providerId} does not exist`);
    const base = baseUrlOf(request);
    return searchsetOf(slots, base, `${base.replace(/\/fhir$/, '')}${request.originalUrl}`);
  }
}
