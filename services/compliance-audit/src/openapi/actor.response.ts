import { ApiExtraModels, ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { ROLES } from '@thc/auth';
import { serviceName } from '@thc/contracts';

/** A signed-in user, by id and the role they acted in (never by name). */
export class UserActorResponse {
  @ApiProperty({ enum: ['user'] }) kind!: 'user';
  @ApiProperty({ format: 'uuid', description: 'The `sub` of their token' }) userId!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
}

/** One of the platform's services, reacting to another event. */
export class SystemActorResponse {
  @ApiProperty({ enum: ['system'] }) kind!: 'system';
  @ApiProperty({ enum: serviceName.enum }) service!: string;
}

export type ActorResponse = UserActorResponse | SystemActorResponse;

/**
 * An event's actor property: one of the two, as the contracts' `actor` schema has it. The
 * response class that holds it lists both in the document's schemas.
 */
export function ApiActorProperty(options: ApiPropertyOptions = {}): PropertyDecorator {
  return (target, key) => {
    ApiExtraModels(UserActorResponse, SystemActorResponse)(target.constructor);
    ApiProperty({
      ...options,
      oneOf: [
        { $ref: getSchemaPath(UserActorResponse) },
        { $ref: getSchemaPath(SystemActorResponse) },
      ],
    })(target, key);
  };
}
