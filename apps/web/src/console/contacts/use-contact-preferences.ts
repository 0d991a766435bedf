import { useCallback, useEffect, useState } from 'react';
import { usePerson } from '../../auth/auth-context';
import { ApiProblem } from '../../api/api-problem';
import { callApi } from '../../api/http-client';
import { ContactPreferences, contactPreferencesPath } from './contact-preferences';

/** What the page knows of the patient's record. */
export type RecordOnFile =
  | { readonly kind: 'reading' }
  /** 404: nothing recorded yet; the form records the first. */
  | { readonly kind: 'none' }
  | { readonly kind: 'record'; readonly record: ContactPreferences }
  /** 403 (no clinic of the patient's visits is the coordinator's), 410 (erased), anything else. */
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string };

/** Reads a patient's record from notifications (a PHI read, logged there), and again on demand. */
export function useContactPreferences(personId: string): {
  onFile: RecordOnFile;
  reread: () => Promise<void>;
} {
  const { token } = usePerson();
  const [onFile, setOnFile] = useState<RecordOnFile>({ kind: 'reading' });

  const read = useCallback(
    async (isCurrent: () => boolean = () => true) => {
      let next: RecordOnFile;
      try {
        const record = await callApi<ContactPreferences>(
          'notifications',
          contactPreferencesPath(personId),
          { token },
        );
        next = { kind: 'record', record };
      } catch (error) {
        next =
          error instanceof ApiProblem && error.status === 404
            ? { kind: 'none' }
            : {
                kind: 'refused',
                status: error instanceof ApiProblem ? error.status : 0,
                detail: (error as Error).message,
              };
      }
      if (isCurrent()) setOnFile(next);
    },
    [personId, token],
  );

  useEffect(() => {
    let current = true;
    setOnFile({ kind: 'reading' });
    void read(() => current);
    return () => {
      current = false;
    };
  }, [read]);

  return { onFile, reread: () => read() };
}
