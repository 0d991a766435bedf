import { useEffect, useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { callApi } from '../../api/http-client';

export interface Clinic {
  readonly clinicId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly address?: { readonly state?: string };
}

export interface StaffMember {
  readonly staffId: string;
  readonly displayName: string;
  readonly functions: readonly string[];
  readonly languages: readonly string[];
}

/** The clinics the coordinator covers, and the staff of the one chosen, from the directory. */
export function useDirectory(clinicId: string): {
  clinics: readonly Clinic[];
  staff: readonly StaffMember[];
  error?: string;
} {
  const { token } = usePerson();
  const [clinics, setClinics] = useState<readonly Clinic[]>([]);
  const [staff, setStaff] = useState<readonly StaffMember[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    callApi<Clinic[]>('scheduling', '/api/v1/directory/clinics', { token }).then(
      setClinics,
      (e: Error) => setError(`The clinics could not be read: ${e.message}`),
    );
  }, [token]);

  useEffect(() => {
    if (!clinicId) return setStaff([]);
    let current = true;
    callApi<StaffMember[]>('scheduling', `/api/v1/directory/staff?clinicId=${clinicId}`, {
      token,
    }).then(
      (found) => current && setStaff(found),
      (e: Error) => current && setError(`The clinic's staff could not be read: ${e.message}`),
    );
    return () => {
      current = false;
    };
  }, [clinicId, token]);

  return { clinics, staff, ...(error ? { error } : {}) };
}
