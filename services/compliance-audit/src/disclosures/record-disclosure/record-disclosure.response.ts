import { ApiProperty } from '@nestjs/swagger';
import { ActorResponse, ApiActorProperty } from '../../openapi/actor.response';
import { EXAMPLE_ID } from '../../openapi/api-docs';
import { DISCLOSURE_PURPOSES, RECIPIENT_KINDS } from './record-disclosure.dto';

export class DisclosureRecipientResponse {
  @ApiProperty({ example: 'State Department of Public Health' }) organization!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) kind!: string;
}

/** A disclosure as recorded: the data of its DisclosureRecorded event. */
export class DisclosureRecordedResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the id of the DisclosureRecorded event' })
  disclosureId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId }) patientId!: string;
  @ApiProperty({
    type: DisclosureRecipientResponse,
    description: 'Who received the data outside the health system: an organization, not a person',
  })
  recipient!: DisclosureRecipientResponse;
  @ApiProperty({ enum: DISCLOSURE_PURPOSES }) purpose!: string;
  @ApiProperty({
    type: [String],
    example: ['Appointment', 'Encounter'],
    description: 'What was disclosed, as FHIR resource types',
  })
  resources!: readonly string[];
  @ApiProperty({
    example: '2026-03-18T09:00:00.000Z',
    description: 'When the data left the health system',
  })
  disclosedAt!: string;
  @ApiProperty({ example: '2026-03-18T09:30:00.000Z' }) recordedAt!: string;
  @ApiActorProperty({ description: 'Who recorded it' }) recordedBy!: ActorResponse;
}
