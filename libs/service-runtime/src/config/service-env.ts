import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { productionRefusals } from './production-refusals';

/**
 * Environment every service reads at start-up. Values come only from the environment
 * (12-factor); an invalid value stops the process with a message naming the variable.
 */
export class ServiceEnv {
  /** HTTP port; each service has its own default (see DESIGN ports table). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  /** Host interface to bind; 0.0.0.0 in containers. */
  @IsOptional()
  @IsString()
  HOST?: string;

  /** Standard MongoDB connection string; the database name defaults per service. */
  @IsString()
  @MinLength(10)
  MONGO_URL!: string;

  /** Overrides the per-service database name (thc_<service>). */
  @IsOptional()
  @IsString()
  MONGO_DB?: string;

  /** Prepended to the per-service database name (shared servers, tests). */
  @IsOptional()
  @IsString()
  MONGO_DB_PREFIX?: string;

  /** Comma-separated bootstrap brokers, e.g. 127.0.0.1:9092. */
  @IsString()
  @MinLength(3)
  KAFKA_BROKERS!: string;

  /** Prepended to every topic and consumer group name (shared clusters, tests). */
  @IsOptional()
  @IsString()
  KAFKA_TOPIC_PREFIX?: string;

  /** Lowest level written to the JSON log: fatal, error, warn, info (default), debug, trace, silent. */
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /**
   * Readiness fails once the next events the outbox relay publishes have waited longer than
   * this (default 300 000: five minutes).
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  READY_MAX_OUTBOX_AGE_MS?: number;

  /** After SIGTERM, readiness is 503 this long before the listener closes (default 0). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  SHUTDOWN_DRAIN_DELAY_MS?: number;

  /** A shutdown still running after this long exits with status 1 (default 30 000). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS?: number;
}

/** The validated environment, provided to anyone who needs typed settings. */
export const SERVICE_ENV = Symbol('SERVICE_ENV');

/**
 * Validates process.env for @nestjs/config; throws one error listing every bad variable,
 * including, with NODE_ENV=production, development settings production refuses.
 */
export function validateServiceEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const env = plainToInstance(ServiceEnv, raw, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const lines = [
    ...errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    ...productionRefusals(raw),
  ];
  if (lines.length > 0) {
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  return { ...raw, ...env };
}
