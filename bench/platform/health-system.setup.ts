import { eventually } from '@thc/testing';
import { randomUUID } from 'node:crypto';
import { book } from '../../tests/e2e/src/scenario/bookings.steps';
import { HealthSystem } from '../../tests/e2e/src/scenario/health-system';
import { PlatformApi } from '../../tests/e2e/src/scenario/platform-api';
import {
  defineSchedules,
  grantConsents,
  recordDirectory,
} from '../../tests/e2e/src/scenario/schedules-and-consents.steps';
import { credentialProviders } from '../../tests/e2e/src/scenario/staff-training.steps';

/**
 * The end-to-end scenario's set-up, through the same public APIs: providers listed in the
 * directory with their licences, credentialed by training, their schedules opened, telehealth
 * consent for every patient whose visit will run.
 * Returns once scheduling has learnt every credential from training's events (a booking on the
 * probe day goes through for each provider), so no step measures that wait.
 */
export async function setUpHealthSystem(
  api: PlatformApi,
  system: HealthSystem,
  probeSlot: Date,
): Promise<void> {
  await recordDirectory(api, system);
  await credentialProviders(api, system);
  await defineSchedules(api, system);
  await grantConsents(api, system, new Set());
  for (const provider of system.providers) {
    await eventually(
      async () => {
        const response = await book(api, randomUUID(), provider, probeSlot);
        if (response.status !== 201)
          throw new Error(
            `probe booking refused: ${response.status} ${JSON.stringify(response.body)}`,
          );
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
  }
}
