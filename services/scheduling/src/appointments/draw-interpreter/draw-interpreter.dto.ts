import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/** The language to draw an interpreter of; the on-demand request's own when absent. */
export class DrawInterpreterDto {
  @ApiPropertyOptional({
    description:
      "BCP 47 language tag the interpreter works in (PHI: the patient's language). Absent: the language asked at booking with `interpreter.onDemand`; required for a visit booked without an interpreter",
    example: 'es',
  })
  @IsAbsentOr()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { message: 'language must be a BCP 47 tag' })
  language?: string;
}

export const DRAW_INTERPRETER_EXAMPLE = { language: 'es' } satisfies DrawInterpreterDto;
