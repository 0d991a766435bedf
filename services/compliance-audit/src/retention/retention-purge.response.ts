import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ActorResponse, ApiActorProperty } from '../openapi/actor.response';

/** Sequence numbers of the trail, as an inclusive run. */
export class SeqRangeResponse {
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 }) from!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1120 }) to!: number;
}

/** What a purge and its dry run both state: the cutoff and what it empties or keeps. */
class PurgeCounts {
  @ApiProperty({
    example: '2020-03-02T00:00:00.000Z',
    description: 'Entries that happened before this instant are eligible',
  })
  cutoff!: string;
  @ApiProperty({
    type: 'integer',
    minimum: 6,
    maximum: 100,
    example: 6,
    description: '`AUDIT_RETENTION_YEARS`',
  })
  retentionYears!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1250,
    description: 'Entries reduced to tombstones (by a dry run: that a purge would reduce)',
  })
  purgedCount!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 14,
    description: 'Eligible entries kept for a legal hold',
  })
  heldCount!: number;
}

/** A purge as recorded: the data of its AuditEntriesPurged event. */
export class AuditEntriesPurgedResponse extends PurgeCounts {
  @ApiProperty({ format: 'uuid', description: 'Also the id of the AuditEntriesPurged event' })
  purgeId!: string;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Lowest sequence number purged; absent when none was',
  })
  firstSeq?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Highest sequence number purged; absent when none was',
  })
  lastSeq?: number;
  @ApiPropertyOptional({
    type: [SeqRangeResponse],
    description:
      'Exactly the sequence numbers purged, as ascending inclusive runs: a tombstone outside them is tampering',
  })
  purgedRanges?: readonly SeqRangeResponse[];
  @ApiProperty({ example: '2026-03-02T00:00:05.000Z' }) purgedAt!: string;
  @ApiActorProperty({ description: 'Who purged' }) purgedBy!: ActorResponse;
}

/** What a purge would empty now: the answer of a dry run, which changes nothing. */
export class PurgePlanResponse extends PurgeCounts {
  @ApiProperty({ type: Boolean, enum: [true], description: 'Always true: nothing was purged' })
  dryRun!: true;
  @ApiProperty({
    type: [SeqRangeResponse],
    description: 'The sequence numbers a purge would empty, as ascending inclusive runs',
  })
  purgedRanges!: SeqRangeResponse[];
  @ApiProperty({
    type: [SeqRangeResponse],
    description: 'The eligible sequence numbers a legal hold keeps, as ascending inclusive runs',
  })
  heldRanges!: SeqRangeResponse[];
}

/** The purge route's answer: the purge as recorded, or for a dry run what it would purge. */
export const PURGE_ANSWER_SCHEMA = {
  oneOf: [
    { $ref: getSchemaPath(AuditEntriesPurgedResponse) },
    { $ref: getSchemaPath(PurgePlanResponse) },
  ],
};
