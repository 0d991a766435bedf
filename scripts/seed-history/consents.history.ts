import type { ConsentCommand } from '../../services/compliance-audit/src/consent/domain/consent.commands';
import { consentDecider } from '../../services/compliance-audit/src/consent/domain/consent.decider';
import {
  ConsentEvent,
  consentStreamId,
} from '../../services/compliance-audit/src/consent/domain/consent.events';
import type { ConsentState } from '../../services/compliance-audit/src/consent/domain/consent.state';
import type { ConsentStanding } from '../../services/sessions/src/visits/domain/session.commands';
import { ConsentFact, consentStanding } from '../../services/sessions/src/visits/consent-standing';
import { DAY_MS, MINUTE_MS } from './history-agenda';
import type { HistoryRoster } from './history-roster';
import { HistoryWorld, iso, StreamWriter } from './history-world';

export interface ConsentHistory {
  /** What sessions' consent gate reads for a patient at an instant. */
  standingAt(patientId: string, at: number): ConsentStanding;
}

/**
 * Telehealth consent as the demo roster plans it, given soon after the patient joins (signed
 * electronically or in writing, or verbally to a coordinator who witnesses it); the few who
 * withdraw do so weeks or months later. A patient planned without consent never gives it.
 */
export function planConsents(world: HistoryWorld, roster: HistoryRoster): ConsentHistory {
  const facts = new Map<string, ConsentFact[]>();
  for (const patient of roster.patients) {
    const plan = patient.consent;
    if (!plan) continue;
    const rng = world.random(`consent:${patient.id}`);
    const coordinator = rng.pick(roster.coordinatorsOf(patient.clinicId));
    const writer = new StreamWriter<ConsentState, ConsentCommand, ConsentEvent>(
      world,
      'compliance-audit',
      consentStreamId(patient.id),
      consentDecider,
    );
    const consentId = world.id(`consent:${patient.id}:telehealth`);
    const grantedAt = patient.since + rng.between(2 * MINUTE_MS, 90 * MINUTE_MS);
    if (grantedAt >= world.end) continue;
    writer.decide(
      {
        type: 'GrantConsent',
        consentId,
        patientId: patient.id,
        scope: 'telehealth',
        method: plan.method,
        formVersion: '2026-01',
        ...(plan.method === 'verbal'
          ? { witnessedBy: { userId: plan.witnessId, role: 'coordinator' as const } }
          : {}),
        at: iso(grantedAt),
        by: { kind: 'user', userId: coordinator.id, role: 'coordinator' },
      },
      grantedAt,
      { actor: coordinator.id },
    );
    const patientFacts: ConsentFact[] = [{ kind: 'granted', consentId, at: iso(grantedAt) }];
    const revokedAt = grantedAt + rng.between(20, 200) * DAY_MS;
    if (plan.revoked && revokedAt < world.end) {
      writer.decide(
        {
          type: 'RevokeConsent',
          consentId,
          at: iso(revokedAt),
          by: { kind: 'user', userId: patient.id, role: 'patient' },
        },
        revokedAt,
        { actor: patient.id },
      );
      patientFacts.push({ kind: 'revoked', consentId, at: iso(revokedAt) });
    }
    facts.set(patient.id, patientFacts);
  }
  return {
    standingAt: (patientId, at) =>
      consentStanding(
        (facts.get(patientId) ?? []).filter((fact) => Date.parse(fact.at) <= at),
        new Date(at),
      ),
  };
}
