import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { SearchSlotsHandler } from './search-slots.handler';
import { SlotQueryDto } from './slot-query.dto';
import { slotRangeOf } from './slot-range';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('availability')
@Controller('api/v1')
export class SlotsController {
  constructor(private readonly search: SearchSlotsHandler) {}

  @Get('providers/:providerId/slots')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Free slots of a provider, rendered in the requested time zone' })
  async providerSlots(@Param('providerId', uuid) providerId: string, @Query() query: SlotQueryDto) {
    const range = slotRangeOf(query);
    const slots = await this.search.forProvider(providerId, range);
    if (!slots) throw new NotFoundException(`provider ${providerId} has no schedule`);
    return { providerId, ...rangeEcho(range), slots };
  }

  @Get('clinics/:clinicId/slots')
  @Roles('patient', 'provider', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Free slots of every provider scheduled in a clinic' })
  async clinicSlots(@Param('clinicId', uuid) clinicId: string, @Query() query: SlotQueryDto) {
    const range = slotRangeOf(query);
    return { clinicId, ...rangeEcho(range), ...(await this.search.forClinic(clinicId, range)) };
  }
}

function rangeEcho(range: ReturnType<typeof slotRangeOf>) {
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    timeZone: range.timeZone,
    visitType: range.visitType,
  };
}
