import { Schema } from 'mongoose';

/**
 * Which providers have their telehealth schedule in a clinic, one document per clinic keyed by
 * its id: a clinic's slot search is one `_id` read (the only lookup FerretDB indexes).
 */
export interface ClinicProviders {
  _id: string;
  providerIds: string[];
}

export const CLINIC_PROVIDERS = 'availability_clinic_providers';

export const clinicProvidersSchema = new Schema<ClinicProviders>(
  {
    _id: { type: String, required: true },
    providerIds: { type: [String], default: [] },
  },
  { versionKey: false, collection: CLINIC_PROVIDERS },
);
