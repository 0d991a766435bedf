import { binKey, binOf, HISTOGRAMS } from './histogram';
import { meanOpinionScore } from './mean-opinion-score';

type Update = { readonly [operator: `$${string}`]: Record<string, unknown> };

/**
 * Where an event's facts go: a visit (by appointment id, or by session id when the event
 * does not name the appointment), a provider's schedule, or a staff member's credential.
 */
export type FactEffect =
  | { readonly target: 'visit'; readonly appointmentId: string; readonly update: Update }
  | { readonly target: 'visit-of-session'; readonly sessionId: string; readonly update: Update }
  | { readonly target: 'schedule'; readonly providerId: string; readonly update: Update }
  | { readonly target: 'staff'; readonly staffId: string; readonly update: Update };

type Data = Readonly<Record<string, unknown>>;
const str = (data: Data, key: string): string => String(data[key]);
const date = (data: Data, key: string): Date => new Date(str(data, key));

const visit = (data: Data, update: Update): FactEffect => ({
  target: 'visit',
  appointmentId: str(data, 'appointmentId'),
  update,
});
const ofSession = (data: Data, update: Update): FactEffect => ({
  target: 'visit-of-session',
  sessionId: str(data, 'sessionId'),
  update,
});

/**
 * The facts one event adds, as a MongoDB update of the document it concerns. Pure: the same
 * event always gives the same update, and every update is a `$set` of the event's own facts,
 * a `$min` of a first time, or an `$inc` applied once per event id, so replays converge.
 * Events that no metric uses give undefined.
 */
export function factEffectOf(type: string, data: Data): FactEffect | undefined {
  const name = type.split('.')[2];
  switch (name) {
    case 'AppointmentBooked':
      return visit(data, {
        $set: {
          clinicId: str(data, 'clinicId'),
          providerId: str(data, 'providerId'),
          visitType: str(data, 'visitType'),
          start: date(data, 'start'),
          end: date(data, 'end'),
          timeZone: str(data, 'timeZone'),
          bookedAt: date(data, 'bookedAt'),
        },
      });
    case 'AppointmentRescheduled':
      return visit(data, {
        $set: {
          start: date(data, 'start'),
          end: date(data, 'end'),
          timeZone: str(data, 'timeZone'),
        },
      });
    case 'AppointmentCancelled':
      return visit(data, {
        $set: { cancelledAt: date(data, 'cancelledAt'), lateCancel: data['late'] === true },
      });
    case 'AppointmentCompleted':
      return visit(data, {
        $set: { completed: { startedAt: date(data, 'startedAt'), endedAt: date(data, 'endedAt') } },
      });
    case 'AppointmentNoShow':
      return visit(data, { $set: { noShow: str(data, 'absent') } });
    case 'SessionCreated':
      return visit(data, {
        $set: {
          session: {
            clinicId: str(data, 'clinicId'),
            providerId: str(data, 'providerId'),
            visitType: str(data, 'visitType'),
            start: date(data, 'scheduledStart'),
            end: date(data, 'scheduledEnd'),
          },
        },
      });
    case 'PatientArrivedInWaitingRoom':
      return visit(data, { $min: { arrivedAt: date(data, 'arrivedAt') } });
    case 'PatientAdmitted':
      return ofSession(data, { $min: { admittedAt: date(data, 'admittedAt') } });
    case 'ParticipantJoined':
      return data['role'] === 'provider'
        ? ofSession(data, { $min: { providerJoinedAt: date(data, 'joinedAt') } })
        : undefined;
    case 'SessionStarted':
      return visit(data, { $min: { sessionStartedAt: date(data, 'startedAt') } });
    case 'SessionEnded':
      return visit(data, {
        $set: {
          sessionEnded: {
            outcome: str(data, 'outcome'),
            ...(data['startedAt'] ? { startedAt: date(data, 'startedAt') } : {}),
            endedAt: date(data, 'endedAt'),
          },
        },
      });
    case 'PreVisitCheckRecorded':
      return ofSession(data, {
        $inc: { checks: 1, checksFailed: data['result'] === 'failed' ? 1 : 0 },
      });
    case 'SwitchedToAudioOnly':
      return ofSession(data, { $min: { audioOnlyAt: date(data, 'switchedAt') } });
    case 'ConnectionQualitySampled': {
      const mos = meanOpinionScore({
        rttMs: Number(data['rttMs']),
        jitterMs: Number(data['jitterMs']),
        packetLossPercent: Number(data['packetLossPercent']),
      });
      const bin = binKey(HISTOGRAMS.mos, binOf(HISTOGRAMS.mos, mos));
      // In thousandths, like every sum (see visit-contribution.ts): exact in any order.
      return ofSession(data, {
        $inc: { 'mos.n': 1, 'mos.sum': Math.round(mos * 1000), [`mos.${bin}`]: 1 },
      });
    }
    case 'TechnicalIssueOpened':
      return ofSession(data, {
        $min: { [`issues.${str(data, 'issueId')}.openedAt`]: date(data, 'openedAt') },
      });
    case 'TechnicalIssueResolved':
      return ofSession(data, {
        $min: { [`issues.${str(data, 'issueId')}.resolvedAt`]: date(data, 'resolvedAt') },
      });
    case 'SurveySubmitted': {
      const satisfaction = Number(data['satisfaction']);
      const nps = Number(data['nps']);
      return ofSession(data, {
        $inc: {
          'survey.responses': 1,
          'survey.patientResponses': data['role'] === 'patient' ? 1 : 0,
          'survey.satisfactionSum': satisfaction,
          'survey.topBox': satisfaction === 5 ? 1 : 0,
          'survey.promoters': nps >= 9 ? 1 : 0,
          'survey.detractors': nps <= 6 ? 1 : 0,
        },
      });
    }
    case 'ProviderScheduleDefined':
      return {
        target: 'schedule',
        providerId: str(data, 'providerId'),
        update: {
          $set: {
            clinicId: str(data, 'clinicId'),
            timeZone: str(data, 'timeZone'),
            weeklyRules: data['weeklyRules'],
            exceptions: data['exceptions'],
            effectiveFrom: str(data, 'effectiveFrom'),
          },
        },
      };
    case 'StaffCredentialed':
      return {
        target: 'staff',
        staffId: str(data, 'staffId'),
        update: {
          $set: {
            role: str(data, 'role'),
            credentialedAt: date(data, 'credentialedAt'),
            validUntil: date(data, 'validUntil'),
            lapsedAt: null,
          },
          $min: { firstSeenAt: date(data, 'credentialedAt') },
        },
      };
    case 'StaffCredentialLapsed':
      return {
        target: 'staff',
        staffId: str(data, 'staffId'),
        update: {
          $set: { role: str(data, 'role'), lapsedAt: date(data, 'lapsedAt') },
          $min: { firstSeenAt: date(data, 'lapsedAt') },
        },
      };
    case 'StaffEnrolled':
      return {
        target: 'staff',
        staffId: str(data, 'staffId'),
        update: {
          $set: { role: str(data, 'role') },
          $min: { firstSeenAt: date(data, 'enrolledAt') },
        },
      };
    case 'ModuleCompleted':
      return {
        target: 'staff',
        staffId: str(data, 'staffId'),
        update: { $min: { firstSeenAt: date(data, 'completedAt') } },
      };
    default:
      return undefined;
  }
}
