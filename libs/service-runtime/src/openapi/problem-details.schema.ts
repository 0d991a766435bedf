import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid input in a 400 answer, named by its path in the request. */
export class InvalidParamSchema {
  @ApiProperty({ example: 'startAt' }) name!: string;
  @ApiProperty({ example: 'startAt must be an ISO 8601 date-time with an offset' }) reason!: string;
}

/** RFC 9457 problem details, as every service answers an error (`application/problem+json`). */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional({ example: 'startAt must be an ISO 8601 date-time with an offset' })
  detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/appointments' }) instance?: string;
  @ApiPropertyOptional({ type: [InvalidParamSchema], name: 'invalid-params' })
  'invalid-params'?: InvalidParamSchema[];
}
