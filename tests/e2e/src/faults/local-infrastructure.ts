import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Stops and starts the broker or the MongoDB-wire server of infra/local, keeping their data,
 * as an operator's restart would. Only possible when infra/local runs them.
 */
export class LocalInfrastructure {
  private readonly script: string;

  constructor(private readonly root: string) {
    this.script = join(root, 'infra', 'local', 'infra.sh');
  }

  controllable(): boolean {
    return (
      spawnSync('bash', [this.script, 'status'], { cwd: this.root, stdio: 'ignore' }).status === 0
    );
  }

  stop(component: 'kafka' | 'ferretdb'): void {
    execFileSync('bash', [this.script, 'down', component], { cwd: this.root, stdio: 'ignore' });
  }

  start(component: 'kafka' | 'ferretdb'): void {
    execFileSync('bash', [this.script, 'up', component], { cwd: this.root, stdio: 'ignore' });
  }
}
