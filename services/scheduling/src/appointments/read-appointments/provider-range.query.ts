import { ApiProperty } from '@nestjs/swagger';
import { IsZonedDateTime } from '@thc/service-runtime';

export class ProviderRangeQuery {
  @ApiProperty({ example: '2026-03-09T00:00:00Z' })
  @IsZonedDateTime()
  from!: string;

  @ApiProperty({ example: '2026-03-16T00:00:00Z' })
  @IsZonedDateTime()
  to!: string;
}
