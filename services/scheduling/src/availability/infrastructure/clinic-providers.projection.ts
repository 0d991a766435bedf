import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CLINIC_PROVIDERS, ClinicProviders } from './clinic-providers.schema';

const DUPLICATE_KEY = 11000;

/**
 * Kept by the schedule handler after each save. Both writes are idempotent set operations, so
 * the handler repeats them on every save, which also repairs a save whose process died between
 * storing the event and updating this list.
 */
@Injectable()
export class ClinicProvidersProjection {
  constructor(@InjectModel(CLINIC_PROVIDERS) private readonly clinics: Model<ClinicProviders>) {}

  async place(providerId: string, clinicId: string, previousClinicId?: string): Promise<void> {
    try {
      await this.clinics.updateOne(
        { _id: clinicId },
        { $addToSet: { providerIds: providerId } },
        { upsert: true },
      );
    } catch (error) {
      // Two first saves in one clinic race on the insert; the loser's add is then a plain update.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      await this.clinics.updateOne({ _id: clinicId }, { $addToSet: { providerIds: providerId } });
    }
    if (previousClinicId && previousClinicId !== clinicId) {
      await this.clinics.updateOne(
        { _id: previousClinicId },
        { $pull: { providerIds: providerId } },
      );
    }
  }

  async providersOf(clinicId: string): Promise<readonly string[]> {
    const clinic = await this.clinics.findById(clinicId).lean().exec();
    return clinic?.providerIds ?? [];
  }
}
