import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';

export class IssueJoinLinkDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The participant (patient, provider, interpreter, caregiver).',
  })
  @IsUUID()
  participantId!: string;
}

export class JoinLinkResponse {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ description: 'The link to send; a bearer credential, shown once.' }) url!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export const ISSUE_JOIN_LINK_EXAMPLE = {
  participantId: EXAMPLE_ID.patientId,
} satisfies IssueJoinLinkDto;
