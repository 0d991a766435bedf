import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { IsAbsentOr } from '@thc/service-runtime';

export class IssueJoinLinkDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The participant (patient, provider, interpreter, caregiver).',
  })
  @IsUUID()
  participantId!: string;

  @ApiPropertyOptional({
    description:
      "Whether the participant is also sent the link now, by the notifications service (JoinLinkDeliveryRequested, `deliver: now`, the link sealed under the patient's key). Default: true for the patient, an interpreter or a caregiver, false for the provider.",
  })
  @IsAbsentOr()
  @IsBoolean()
  send?: boolean;
}

export class JoinLinkResponse {
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ description: 'The link to send; a bearer credential, shown once.' }) url!: string;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    description:
      "Whether the link was handed to the notifications service to send to the participant (whether it reached them is that service's to report). False when `send` was false, and when the link could not be sealed (PHI keys not configured, or the patient erased): then only this answer holds it.",
  })
  deliveryRequested!: boolean;
}

export const ISSUE_JOIN_LINK_EXAMPLE = {
  participantId: EXAMPLE_ID.patientId,
  send: true,
} satisfies IssueJoinLinkDto;
