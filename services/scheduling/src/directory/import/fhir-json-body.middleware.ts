import {
  BadRequestException,
  Injectable,
  NestMiddleware,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

const FHIR_JSON = /^application\/fhir\+json\b/i;
const DEFAULT_LIMIT_BYTES = 100 * 1024;

/** `HTTP_BODY_LIMIT` as the JSON parser reads it (`100kb`, `1mb`, or bytes). */
export function bodyLimitBytes(setting = process.env['HTTP_BODY_LIMIT']): number {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(setting ?? '');
  if (!match) return DEFAULT_LIMIT_BYTES;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Number(match[1]) * unit;
}

type BodyRequest = IncomingMessage & { body?: unknown };

/**
 * EHRs send bundles as `application/fhir+json`, which the service's JSON parser leaves
 * unread: this reads them on the import route alone, under the same size limit.
 */
@Injectable()
export class FhirJsonBodyMiddleware implements NestMiddleware {
  private readonly limit = bodyLimitBytes();

  use(request: BodyRequest, _response: unknown, next: (error?: unknown) => void): void {
    if (!FHIR_JSON.test(request.headers['content-type'] ?? '')) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.limit && !refused) {
        refused = true;
        next(new PayloadTooLargeException(`the bundle is larger than ${this.limit} bytes`));
      }
      if (!refused) chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      try {
        request.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        next();
      } catch {
        next(new BadRequestException('the body is not valid JSON'));
      }
    });
    request.on('error', (error) => {
      if (!refused) next(error);
    });
  }
}
