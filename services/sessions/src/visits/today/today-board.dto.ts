import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsAbsentOr, IsZonedDateTime } from '@thc/service-runtime';
import { IsIn, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { BOARD_STATES, BoardState } from './board-state';
import { MAX_RANGE_HOURS } from './today-range';
import type { ConsentReadiness, CredentialReadiness, MissingItem, Readiness } from './readiness';

/** The example clinic of the board's examples. */
const EXAMPLE_CLINIC_ID = '7e9a1c3d-5f2b-4a6c-8e1d-9b3f5a7c2e06';

/** Which visits the board shows: a range of scheduled starts, a clinic, a state. */
export class TodayQuery {
  @ApiPropertyOptional({
    example: '2026-03-09T00:00:00Z',
    description:
      'Visits starting at or after this instant; default: the start of the current UTC day.',
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-10T00:00:00Z',
    description: `Visits starting before this instant; default: a day after \`from\`; at most ${MAX_RANGE_HOURS} hours after it.`,
  })
  @IsAbsentOr()
  @IsZonedDateTime()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: EXAMPLE_CLINIC_ID,
    description: 'Only this clinic (one the caller covers); default: every clinic they cover.',
  })
  @IsAbsentOr()
  @IsUUID()
  clinicId?: string;

  @ApiPropertyOptional({
    enum: BOARD_STATES,
    example: 'waiting',
    description: 'Only visits in this state.',
  })
  @IsAbsentOr()
  @IsIn(BOARD_STATES)
  state?: BoardState;
}

class MissingItemResponse implements MissingItem {
  @ApiProperty({ example: 'No telehealth consent on record' }) what!: string;
  @ApiProperty({
    example: 'Ask the patient to consent on the visit page, or record their verbal consent',
  })
  ask!: string;
}

class ReadinessResponse implements Readiness {
  @ApiProperty({ description: 'Consent on record and the credential current (or expiring)' })
  ready!: boolean;
  @ApiProperty({ enum: ['on-record', 'missing'] }) consent!: ConsentReadiness;
  @ApiProperty({
    enum: ['current', 'expiring', 'expired', 'missing'],
    description:
      'The provider’s telehealth credential at the visit; expiring: within 30 days of it.',
  })
  credential!: CredentialReadiness;
  @ApiProperty({ type: [MissingItemResponse], description: 'What to act on; empty when ready.' })
  missing!: MissingItemResponse[];
}

class InterpreterResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiPropertyOptional({
    example: 'Lucía Fernández',
    description: 'Absent until the directory names them',
  })
  name?: string;
}

/** One visit on the board. */
export class TodayVisit {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.sessionId }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_CLINIC_ID }) clinicId!: string;
  @ApiProperty({ example: 'Riverside Telehealth Clinic', description: 'As the directory names it' })
  clinicName!: string;
  @ApiProperty({
    example: 'America/New_York',
    description: 'The clinic’s IANA zone (UTC until the directory records it)',
  })
  timeZone!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.providerId }) providerId!: string;
  @ApiProperty({ example: 'Dr. Adaeze Okafor' }) providerName!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId }) patientId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledStart!: string;
  @ApiProperty({ format: 'date-time' }) scheduledEnd!: string;
  @ApiProperty({ enum: BOARD_STATES, example: 'waiting' }) state!: BoardState;
  @ApiPropertyOptional({ example: 4, description: 'Whole minutes waited; only while waiting' })
  waitingMinutes?: number;
  @ApiProperty({ example: 0, description: 'Technical issues not yet resolved' })
  openIssues!: number;
  @ApiPropertyOptional({ type: InterpreterResponse }) interpreter?: InterpreterResponse;
  @ApiProperty({ type: ReadinessResponse }) readiness!: ReadinessResponse;
}

/** The board: the visits of the range, soonest first. */
export class TodayBoardResponse {
  @ApiProperty({ format: 'date-time', example: '2026-03-09T00:00:00.000Z' }) from!: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-10T00:00:00.000Z' }) to!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [TodayVisit] }) visits!: TodayVisit[];
}
