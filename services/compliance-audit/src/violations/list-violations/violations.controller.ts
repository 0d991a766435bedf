import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@thc/auth';
import { PhiRead } from '@thc/service-runtime';
import { ViolationRecorder } from '../violation.recorder';
import { ViolationsQueryDto } from './violations-query.dto';

class ViolationAlert {
  @ApiProperty({ format: 'uuid' }) violationId!: string;
  @ApiProperty() rule!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiPropertyOptional({ format: 'uuid' }) patientId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) actorId?: string;
  @ApiProperty({ type: [String], description: 'Event ids of the audit entries that show it' })
  evidenceEventIds!: string[];
  @ApiProperty() detectedAt!: string;
  @ApiProperty({ enum: ['open'] }) status!: string;
}

class ViolationList {
  @ApiProperty({ type: [ViolationAlert] }) items!: ViolationAlert[];
}

@ApiTags('violations')
@ApiBearerAuth()
@Controller('api/v1/audit/violations')
export class ViolationsController {
  constructor(private readonly recorder: ViolationRecorder) {}

  /** The alert list, newest first, filterable by rule and detection period. */
  @Get()
  @Roles('auditor')
  @PhiRead({
    resource: 'DetectedIssue',
    action: 'search',
    patients: (r) => (r as ViolationList).items.flatMap((v) => (v.patientId ? [v.patientId] : [])),
  })
  @ApiOkResponse({ type: ViolationList })
  async list(@Query() query: ViolationsQueryDto): Promise<ViolationList> {
    const detected = {
      ...(query.from ? { $gte: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { $lt: new Date(query.to).toISOString() } : {}),
    };
    const documents = await this.recorder.alerts
      .find({
        ...(query.rule ? { rule: query.rule } : {}),
        ...(Object.keys(detected).length > 0 ? { detectedAt: detected } : {}),
      })
      .sort({ detectedAt: -1, _id: 1 })
      .skip(query.offset ?? 0)
      .limit(query.limit ?? 100)
      .toArray();
    return {
      items: documents.map(({ _id, ...alert }) => ({
        ...alert,
        evidenceEventIds: [...alert.evidenceEventIds],
      })),
    };
  }
}
