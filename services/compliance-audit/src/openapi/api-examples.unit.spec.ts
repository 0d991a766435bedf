import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { GRANT_CONSENT_EXAMPLE, GrantConsentDto } from '../consent/grant-consent/grant-consent.dto';
import { LEGAL_HOLD_EXAMPLE, LegalHoldDto } from '../retention/legal-hold.dto';
import { VIOLATION_NOTE_EXAMPLE, ViolationNoteDto } from '../violations/review/violation-note.dto';

// The documented example requests are what client teams copy first: each must pass the same
// validation as a real request (the options of the global ValidationPipe).
describe('the example request of every compliance operation with a body is a valid request', () => {
  test.each([
    ['GrantConsentDto', GrantConsentDto, GRANT_CONSENT_EXAMPLE],
    ['LegalHoldDto', LegalHoldDto, LEGAL_HOLD_EXAMPLE],
    ['ViolationNoteDto', ViolationNoteDto, VIOLATION_NOTE_EXAMPLE],
  ] as const)('%s', async (_, type, example) => {
    const errors = await validate(plainToInstance(type as new () => object, example), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    expect(errors).toEqual([]);
  });
});
