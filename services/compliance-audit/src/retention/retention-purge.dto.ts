import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, ValidateIf } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/** The words an admin types to purge for real: a purge can not be undone. */
export const PURGE_CONFIRMATION = 'purge-audit-entries-past-retention';

/**
 * A purge request: a dry run (`dryRun: true`) says what a purge would empty; a purge itself
 * needs the confirmation spelled out, so that an empty or stray body purges nothing.
 */
export class RetentionPurgeDto {
  @ApiPropertyOptional({
    description: 'Only report what a purge would empty (which sequences, how many, which held)',
    example: false,
  })
  @IsAbsentOr()
  @IsBoolean()
  dryRun?: boolean;

  @ApiProperty({
    description: `Required unless dryRun is true: exactly \`${PURGE_CONFIRMATION}\``,
    example: PURGE_CONFIRMATION,
  })
  @ValidateIf((dto: RetentionPurgeDto) => dto.dryRun !== true || dto.confirm !== undefined)
  @Equals(PURGE_CONFIRMATION, { message: `confirm must be exactly "${PURGE_CONFIRMATION}"` })
  confirm?: typeof PURGE_CONFIRMATION;
}

/** The example request of the API documentation. */
export const RETENTION_PURGE_EXAMPLE = {
  confirm: PURGE_CONFIRMATION,
} satisfies RetentionPurgeDto;
