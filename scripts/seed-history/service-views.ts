import type { Connection } from 'mongoose';
import {
  CLINIC_PROVIDERS,
  ClinicProviders,
  clinicProvidersSchema,
} from '../../services/scheduling/src/availability/infrastructure/clinic-providers.schema';
import { ClinicProvidersProjection } from '../../services/scheduling/src/availability/infrastructure/clinic-providers.projection';
import { ProviderScheduleViews } from '../../services/scheduling/src/availability/infrastructure/provider-schedule-views.projection';
import type { ModuleVersion } from '../../services/training/src/catalog/domain/module.state';
import { nextCheckAt } from '../../services/training/src/staff-training/domain/next-check';
import { StaffStatusProjection } from '../../services/training/src/staff-training/infrastructure/staff-status.projection';
import type { ScheduleRecord } from './schedules.history';
import type { StaffRecord } from './training.history';

const WARNING_LEAD_DAYS = [30, 7];

/**
 * The few read models a service writes beside its events and cannot do without on existing
 * data, saved with the services' own stores: training's catalog and staff records (the expiry
 * check finds due staff there), scheduling's schedule views and clinic lists (slot search and
 * booking read them). Per-visit views are not written; see the limits in docs/demo-data.md.
 */
export async function saveServiceViews(
  scheduling: Connection,
  training: Connection,
  schedules: readonly ScheduleRecord[],
  staff: readonly StaffRecord[],
  catalog: readonly ModuleVersion[],
): Promise<void> {
  const status = new StaffStatusProjection(training);
  for (const { state, version } of staff)
    if (state.status === 'enrolled')
      await status.save(state, version, nextCheckAt(state, WARNING_LEAD_DAYS));
  const modules = training.collection<ModuleVersion & { _id: string }>('training_catalog');
  for (const module of catalog)
    await modules
      .updateOne(
        { _id: module.moduleId, version: { $lt: module.version } },
        { $set: module },
        { upsert: true },
      )
      .catch((error: { code?: number }) => {
        if (error.code !== 11000) throw error;
      });
  const views = new ProviderScheduleViews(scheduling);
  const model =
    scheduling.models[CLINIC_PROVIDERS] ??
    scheduling.model<ClinicProviders>(CLINIC_PROVIDERS, clinicProvidersSchema);
  const clinics = new ClinicProvidersProjection(model);
  for (const record of schedules) {
    await views.save(record.schedule, record.version);
    await clinics.place(record.providerId, record.clinicId);
  }
}
