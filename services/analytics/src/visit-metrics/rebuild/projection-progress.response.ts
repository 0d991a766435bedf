import { ApiProperty } from '@nestjs/swagger';

/** How far one version of the metrics projection has got against the end of its topics. */
export class ProjectionProgressResponse {
  @ApiProperty({
    example: '3f9a1c7e2b',
    description: "The projection version: the hash of the projection's definition",
  })
  version!: string;
  @ApiProperty({
    enum: ['serving', 'building'],
    description: 'Answering queries, or being rebuilt beside the version that does',
  })
  state!: 'serving' | 'building';
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events handled, of those in `total`' })
  processed!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events in the topics when this instance started the version',
  })
  total!: number;
  @ApiProperty({ minimum: 0, example: 1250.5, description: 'Rate since `startedAt`' })
  eventsPerSecond!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    description: 'Seconds left at the current rate; null before any rate is known',
  })
  etaSeconds!: number | null;
  @ApiProperty({ description: 'When this instance started the version' }) startedAt!: string;
}
