// `npm run bench:audit`: audit ingestion (consume, map, hash-chain, rules) in events/s against a
// raw kafkajs consumer of the same topics in the same run (the ratio is the trail's cost).
import { report, withBenchInfrastructure } from '../bench-infrastructure';
import { benchIngestion } from './ingestion.bench';
import { runAsScript } from '../bench-main';

export async function runAudit(): Promise<void> {
  await withBenchInfrastructure(async (infra) => {
    report(
      `audit benchmark on ${infra.origin} (kafka ${infra.kafkaBrokers}, mongo ${infra.mongoUrl})`,
    );
    await benchIngestion({ kafkaBrokers: infra.kafkaBrokers, mongoUrl: infra.mongoUrl, report });
  });
}

if (require.main === module) runAsScript(runAudit);
