import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception';
import { findOperatorKeys } from './operator-keys';

/** Refuses MongoDB operator and dotted keys in bodies and query strings (NoSQL injection). */
@Injectable()
export class OperatorKeyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const found = findOperatorKeys(value);
    if (found.length > 0) throw new InvalidInputException(found);
    return value;
  }
}
