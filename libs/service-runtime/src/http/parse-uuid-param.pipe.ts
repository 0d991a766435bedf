import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Path and query ids are UUIDs. Anything else is a 400 problem+json naming the parameter, like
 * every other invalid input, before the handler runs.
 */
@Injectable()
export class ParseUuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw new InvalidInputException([
      { name: metadata.data ?? metadata.type, reason: 'must be a UUID' },
    ]);
  }
}
