import { ArgumentMetadata, Injectable, Optional, PipeTransform } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';

const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Path and query ids are UUIDs (version 4 only, where the route says so). Anything else is a
 * 400 problem+json naming the parameter, like every other invalid input, before the handler runs.
 */
@Injectable()
export class ParseUuidParam implements PipeTransform<string, string> {
  private readonly pattern: RegExp;
  private readonly reason: string;

  constructor(@Optional() options: { readonly version?: 4 } = {}) {
    this.pattern = options.version === 4 ? UUID_V4 : ANY_UUID;
    this.reason = options.version === 4 ? 'must be a version 4 UUID' : 'must be a UUID';
  }

  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && this.pattern.test(value)) return value;
    throw new InvalidInputException([
      { name: metadata.data ?? metadata.type, reason: this.reason },
    ]);
  }
}
