import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsIn } from 'class-validator';
import {
  CONSENT_LANGUAGES,
  CONSENT_TEXT_VERSION,
  ConsentLanguage,
} from './telehealth-consent-text.data';

/** The patient's answer to the consent text: only an acceptance is recorded. */
export class GiveConsentDto {
  @ApiProperty({
    enum: [true],
    description:
      'Always true: a patient who does not agree is offered an in-person visit, and nothing is recorded.',
  })
  @Equals(true, { message: 'accept must be true: only an acceptance is recorded' })
  accept!: true;

  @ApiProperty({
    example: CONSENT_TEXT_VERSION,
    description:
      'The version of the text the patient read (`textVersion` of the consent text); only the current one is accepted.',
  })
  @IsIn([CONSENT_TEXT_VERSION], {
    message: `textVersion must be the current consent text, ${CONSENT_TEXT_VERSION}: read it again`,
  })
  textVersion!: string;

  @ApiProperty({ enum: CONSENT_LANGUAGES, description: 'The language the patient read it in.' })
  @IsIn(CONSENT_LANGUAGES)
  language!: ConsentLanguage;
}

export const GIVE_CONSENT_EXAMPLE = {
  accept: true,
  textVersion: CONSENT_TEXT_VERSION,
  language: 'es',
} satisfies GiveConsentDto;

export class ConsentReceipt {
  @ApiProperty({
    enum: [true],
    description:
      'The consent is on record, or on its way there (the compliance service records it within seconds).',
  })
  recorded!: true;
}

export class ConsentTextQuery {
  @ApiProperty({ enum: CONSENT_LANGUAGES, example: 'es' })
  @IsIn(CONSENT_LANGUAGES)
  language!: ConsentLanguage;
}

export class ConsentTextResponse {
  @ApiProperty({ example: CONSENT_TEXT_VERSION }) textVersion!: string;
  @ApiProperty({ enum: CONSENT_LANGUAGES }) language!: ConsentLanguage;
  @ApiProperty({ example: 'Your consent to video visits' }) title!: string;
  @ApiProperty({ type: [String] }) paragraphs!: string[];
}
