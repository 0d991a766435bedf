import { ApiProperty } from '@nestjs/swagger';
import { ActorResponse, ApiActorProperty } from '../../openapi/actor.response';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/** A patient's erasure as recorded: the data of its PatientErased event. */
export class PatientErasedResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the id of the PatientErased event' })
  erasureId!: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.patientId }) patientId!: string;
  @ApiProperty({
    example: 'ERASURE-2026-0042',
    description: "Reference of the patient's erasure request (no PHI)",
  })
  requestRef!: string;
  @ApiProperty({
    description:
      'Whether a data key was destroyed; false when no PHI had been sealed for the patient yet (a tombstone still blocks sealing any later)',
  })
  keyDestroyed!: boolean;
  @ApiProperty({ example: '2026-03-20T10:00:00.000Z' }) erasedAt!: string;
  @ApiActorProperty({ description: 'Who erased it' }) erasedBy!: ActorResponse;
}
