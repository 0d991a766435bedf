import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const LEAVE_REASON_CODES = ['booked-elsewhere', 'no-longer-needed', 'other'] as const;

export class LeaveWaitlistDto {
  @ApiProperty({
    enum: LEAVE_REASON_CODES,
    description: 'Why the patient leaves; a code, never free text (analytics reads it)',
  })
  @IsIn(LEAVE_REASON_CODES)
  reasonCode!: (typeof LEAVE_REASON_CODES)[number];
}

export const LEAVE_WAITLIST_EXAMPLE = { reasonCode: 'booked-elsewhere' } satisfies LeaveWaitlistDto;
