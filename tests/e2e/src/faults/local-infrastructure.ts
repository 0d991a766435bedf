import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What infra/local runs: the broker, the MongoDB-wire server and the mail catcher. */
export type LocalComponent = 'kafka' | 'ferretdb' | 'mailpit';

/**
 * Stops and starts the broker, the MongoDB-wire server or the SMTP server of infra/local,
 * keeping their data, as an operator's restart would. Only possible when infra/local runs them.
 */
export class LocalInfrastructure {
  private readonly script: string;

  constructor(private readonly root: string) {
    this.script = join(root, 'infra', 'local', 'infra.sh');
  }

  /** Whether infra/local runs the very servers these addresses point at. */
  controllable(kafkaBrokers: string, mongoUrl: string): boolean {
    const kafkaPort = process.env['KAFKA_PORT'] ?? '9092';
    const mongoPort = process.env['MONGO_PORT'] ?? '27017';
    const local = (address: string, port: string) =>
      address.includes(`127.0.0.1:${port}`) || address.includes(`localhost:${port}`);
    if (!local(kafkaBrokers, kafkaPort) || !local(mongoUrl, mongoPort)) return false;
    return (
      spawnSync('bash', [this.script, 'status'], { cwd: this.root, stdio: 'ignore' }).status === 0
    );
  }

  stop(component: LocalComponent): void {
    execFileSync('bash', [this.script, 'down', component], { cwd: this.root, stdio: 'ignore' });
  }

  start(component: LocalComponent): void {
    execFileSync('bash', [this.script, 'up', component], { cwd: this.root, stdio: 'ignore' });
  }
}
