import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WaitlistState } from './domain/waitlist.state';

export class WaitlistOfferResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() offeredAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiPropertyOptional({ description: 'Set once the offer ran out unused and went to the next' })
  expiredAt?: string;
}

export class WaitlistEntryResponse {
  @ApiProperty({ format: 'uuid' }) waitlistEntryId!: string;
  @ApiProperty({ enum: ['waiting', 'left'] }) status!: 'waiting' | 'left';
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) providerId?: string;
  @ApiProperty({ enum: ['video', 'audio'] }) visitType!: string;
  @ApiProperty() earlierThan!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty() joinedAt!: string;
  @ApiPropertyOptional({ description: 'When the patient left the list' }) leftAt?: string;
  @ApiProperty({ type: [WaitlistOfferResponse], description: 'Slots offered, oldest first' })
  offers!: WaitlistOfferResponse[];
}

export function toWaitlistResponse(
  state: Exclude<WaitlistState, { status: 'none' }>,
): WaitlistEntryResponse {
  const { joinedBy: _, ...entry } = state.entry;
  return {
    ...entry,
    status: state.status,
    ...(state.status === 'left' ? { leftAt: state.leftAt } : {}),
    offers: state.offers.map(({ waitlistEntryId: __, patientId: ___, clinicId: ____, ...o }) => o),
  };
}
