import type { Decider } from '@thc/event-store/decider';
import { ConsentCommand, GrantConsent, RevokeConsent } from './consent.commands';
import { ConsentConflictError, ConsentNotFoundError, ConsentRuleError } from './consent.errors';
import { CONSENT_EVENT as E, ConsentEvent } from './consent.events';
import { activeConsent, ConsentState, inForceAt, initialConsentState } from './consent.state';

function grant(command: GrantConsent, state: ConsentState): ConsentEvent[] {
  if (state.consents.some((record) => record.granted.consentId === command.consentId))
    throw new ConsentConflictError('this consent was already recorded');
  if (command.method === 'verbal' && !command.witnessedBy)
    throw new ConsentRuleError('a verbal consent needs a witness');
  if (command.witnessedBy?.userId === command.patientId)
    throw new ConsentRuleError('the patient cannot witness their own consent');
  if (command.expiresAt && Date.parse(command.expiresAt) <= Date.parse(command.at))
    throw new ConsentRuleError('the consent must expire after it is given');
  if (activeConsent(state, command.scope, command.at))
    throw new ConsentConflictError(`the patient already has an active ${command.scope} consent`);
  return [
    {
      type: E.granted,
      data: {
        consentId: command.consentId,
        patientId: command.patientId,
        scope: command.scope,
        formVersion: command.formVersion,
        method: command.method,
        grantedAt: command.at,
        ...(command.expiresAt ? { expiresAt: command.expiresAt } : {}),
        capturedBy: command.by,
        ...(command.witnessedBy ? { witnessedBy: command.witnessedBy } : {}),
      },
    },
  ];
}

function revoke(command: RevokeConsent, state: ConsentState): ConsentEvent[] {
  const record = state.consents.find((r) => r.granted.consentId === command.consentId);
  if (!record) throw new ConsentNotFoundError(command.consentId);
  if (record.revoked) throw new ConsentConflictError('the consent is already revoked');
  if (!inForceAt(record, command.at)) throw new ConsentConflictError('the consent has expired');
  const { consentId, patientId, scope } = record.granted;
  return [
    {
      type: E.revoked,
      data: { consentId, patientId, scope, revokedAt: command.at, revokedBy: command.by },
    },
  ];
}

function evolve(state: ConsentState, event: ConsentEvent): ConsentState {
  if (event.type === E.granted)
    return {
      patientId: event.data.patientId,
      consents: [...state.consents, { granted: event.data }],
    };
  return {
    ...state,
    consents: state.consents.map((record) =>
      record.granted.consentId === event.data.consentId
        ? { ...record, revoked: event.data }
        : record,
    ),
  };
}

/** A patient's consents: grant (e-signature, verbal with a witness, written), revoke. */
export const consentDecider: Decider<ConsentState, ConsentCommand, ConsentEvent> = {
  decide: (command, state) =>
    command.type === 'GrantConsent' ? grant(command, state) : revoke(command, state),
  evolve,
  initialState: initialConsentState,
};
