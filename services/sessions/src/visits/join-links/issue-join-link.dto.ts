import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

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
