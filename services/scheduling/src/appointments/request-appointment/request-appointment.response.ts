import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_ID } from '../../openapi/api-docs';

/** A new appointment request: its id, and the status every request starts in. */
export class AppointmentRequestResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE_ID.appointmentId }) appointmentId!: string;
  @ApiProperty({
    enum: ['proposed'],
    description: 'FHIR Appointment status: asked for, no slot booked yet',
  })
  status!: 'proposed';
}
