// `npm run bench:backbone`: event-store append, outbox relay, consumer and end-to-end latency,
// each printed with its ratio to the raw driver or raw kafkajs measured in the same run.
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchAppend } from './append.bench';
import { benchMessaging } from './messaging.bench';
import { runAsScript } from '../bench-main';

export async function runBackbone(): Promise<void> {
  await withBenchInfrastructure(async (infra) => {
    report(
      `backbone benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl})`,
    );
    await benchAppend({ mongoUrl: infra.mongoUrl, report });
    await benchMessaging({ kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl, report });
  });
}

if (require.main === module) runAsScript(runBackbone);
