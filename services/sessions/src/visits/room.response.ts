import { ApiProperty } from '@nestjs/swagger';

/** A participant's way into the video room: where, and until when the entry holds. */
export class RoomResponse {
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
