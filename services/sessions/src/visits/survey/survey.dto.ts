import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsAbsentOr } from '@thc/service-runtime';

/** Answers to the post-visit Questionnaire, by its linkIds. */
export class SubmitSurveyDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) overall!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt() @Min(0) @Max(10) wouldRecommend!: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsAbsentOr()
  @IsInt()
  @Min(1)
  @Max(5)
  technicalQuality?: number;
  @ApiPropertyOptional({ description: 'Free text (may hold PHI): stored sealed, or not at all' })
  @IsAbsentOr()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;
}

export class SurveyReceipt {
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty() questionnaire!: string;
}

export const SUBMIT_SURVEY_EXAMPLE = {
  overall: 5,
  wouldRecommend: 9,
  technicalQuality: 4,
  comment: 'The video froze once, but the doctor called back right away.',
} satisfies SubmitSurveyDto;
