import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';

export class ProviderRangeQuery {
  @ApiProperty({ example: '2026-03-09T00:00:00Z', description: 'Appointments ending after.' })
  @IsZonedDateTime()
  from!: string;

  @ApiProperty({
    example: '2026-03-16T00:00:00Z',
    description: 'Appointments starting before; at most 62 days after from.',
  })
  @IsZonedDateTime()
  to!: string;
}
