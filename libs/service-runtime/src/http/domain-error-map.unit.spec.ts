import {
  BadRequestException,
  ConflictException,
  HttpException,
  HttpStatus,
  NotFoundException,
} from '@nestjs/common';
import { domainErrorMap } from './domain-error-map';

class RuleError extends Error {}
class StrictRuleError extends RuleError {}
class StateError extends Error {}
class GoneError extends Error {}

const errors = domainErrorMap([
  [[StateError, GoneError], (e) => new ConflictException(e.message)],
  [StrictRuleError, () => new BadRequestException('strict')],
  [RuleError, (e) => new HttpException(e.message, HttpStatus.TOO_MANY_REQUESTS)],
]);

describe('a domain error map', () => {
  it('answers each listed class with its row, keeping the message', () => {
    for (const error of [new StateError('busy'), new GoneError('gone')]) {
      const http = errors.toHttpError(error);
      expect(http).toBeInstanceOf(ConflictException);
      expect((http as HttpException).getStatus()).toBe(409);
      expect((http as HttpException).message).toBe(error.message);
    }
    const limited = errors.toHttpError(new RuleError('slow down')) as HttpException;
    expect([limited.getStatus(), limited.getResponse()]).toEqual([429, 'slow down']);
  });

  it('tries rows in order, so a subclass listed first wins over its base', () => {
    const http = errors.toHttpError(new StrictRuleError('x')) as HttpException;
    expect([http.getStatus(), http.message]).toEqual([400, 'strict']);
  });

  it('passes HTTP exceptions and unlisted errors through unchanged', () => {
    const notFound = new NotFoundException('nope');
    const unknown = new TypeError('bug');
    expect(errors.toHttpError(notFound)).toBe(notFound);
    expect(errors.toHttpError(unknown)).toBe(unknown);
    expect(errors.toHttpError('text')).toBe('text');
  });

  it('asHttp rethrows a use case error as its HTTP answer and returns a result untouched', async () => {
    await expect(errors.asHttp(async () => 7)).resolves.toBe(7);
    await expect(
      errors.asHttp(async () => {
        throw new StateError('busy');
      }),
    ).rejects.toBeInstanceOf(ConflictException);
    const unknown = new TypeError('bug');
    await expect(
      errors.asHttp(async () => {
        throw unknown;
      }),
    ).rejects.toBe(unknown);
  });
});
