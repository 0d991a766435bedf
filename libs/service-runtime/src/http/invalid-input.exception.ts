import { BadRequestException, ValidationError } from '@nestjs/common';
import { InvalidParam } from './problem-details';

/** A 400 that names every invalid field; thrown by the global ValidationPipe and input guards. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly invalidParams: readonly InvalidParam[]) {
    super(`invalid ${invalidParams.map((p) => p.name).join(', ')}`);
  }

  static fromValidationErrors(errors: readonly ValidationError[]): InvalidInputException {
    return new InvalidInputException(flatten(errors, ''));
  }
}

function flatten(errors: readonly ValidationError[], parent: string): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...flatten(error.children ?? [], name)];
  });
}
