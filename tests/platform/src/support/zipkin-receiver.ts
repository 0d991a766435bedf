import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A span as the Zipkin v2 JSON API receives it (what `OTEL_TRACES_EXPORTER=zipkin` sends). */
export interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly kind?: 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  readonly localEndpoint: { readonly serviceName: string };
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Stands in for a Zipkin server: accepts `POST /api/v2/spans` and keeps what the services
 * export, so a test sees exactly the spans a trace backend would get.
 */
export class ZipkinReceiver {
  readonly spans: ZipkinSpan[] = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/api/v2/spans') {
        this.spans.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ZipkinSpan[]));
      }
      res.writeHead(202).end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v2/spans`;
  }

  inTrace(traceId: string): ZipkinSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  /** Whether `span` descends from the span with id `ancestorId` within its trace. */
  descendsFrom(span: ZipkinSpan, ancestorId: string): boolean {
    const byId = new Map(this.inTrace(span.traceId).map((s) => [s.id, s]));
    for (let at = span.parentId; at !== undefined; at = byId.get(at)?.parentId) {
      if (at === ancestorId) return true;
    }
    return false;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
