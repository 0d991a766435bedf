import { Logger } from '@nestjs/common';
import { FieldBinding, PatientErasedError } from '@thc/phi-protection';
import { Connection } from 'mongoose';
import type { SealedText } from '../domain/session.events';
import { patientCipherOf } from './patient-cipher';

/** Where a sealed join link belongs: the visit's patient, the session, its join link. */
export const joinLinkBinding = (patientId: string): FieldBinding => ({
  patientId,
  record: 'Session',
  field: 'joinLink',
});

/**
 * Seals a join URL under the visit's patient's key for the notifications service; undefined when
 * it cannot be sealed (PHI_MASTER_KEYS not set, or the patient erased), and then it is not sent.
 */
export interface JoinLinkSealer {
  seal(patientId: string, url: string): Promise<SealedText | undefined>;
}

export const JOIN_LINK_SEALER = Symbol('JOIN_LINK_SEALER');

export function createJoinLinkSealer(connection: Connection): JoinLinkSealer {
  const cipher = patientCipherOf(connection);
  if (!cipher) {
    new Logger('JoinLinkSealer').warn('PHI_MASTER_KEYS is not set: join links are not sent');
    return { seal: async () => undefined };
  }
  return {
    seal: async (patientId, url) => {
      try {
        return await cipher.seal(joinLinkBinding(patientId), url);
      } catch (error) {
        // An erased patient is sent nothing; their visit still runs on links issued in the console.
        if (error instanceof PatientErasedError) return undefined;
        throw error;
      }
    },
  };
}
