import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WaitlistState } from '../domain/waitlist.decider';

export class WaitlistOfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() offeredAt!: string;
  @ApiProperty() expiresAt!: string;
}

export class WaitlistEntryResponse {
  @ApiProperty({ format: 'uuid' }) waitlistEntryId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) providerId?: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty() earlierThan!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ type: [WaitlistOfferResponse], description: 'Slots offered, oldest first' })
  offers!: WaitlistOfferResponse[];
}

export function toWaitlistResponse(
  state: Extract<WaitlistState, { status: 'waiting' }>,
): WaitlistEntryResponse {
  const { joinedBy: _, ...entry } = state.entry;
  return {
    ...entry,
    offers: state.offers.map(({ waitlistEntryId: __, patientId: ___, clinicId: ____, ...o }) => o),
  };
}
