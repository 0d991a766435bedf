import type { ContextRegistry } from './event-definition';
import {
  connectionQualitySampledV1,
  connectionQualitySampledV1ToV2,
  connectionQualitySampledV2,
} from './sessions/connection-quality-sampled.event';
import { consentGivenAtJoinV1 } from './sessions/consent-given-at-join.event';
import { joinLinkDeliveryRequestedV1 } from './sessions/join-link-delivery-requested.event';
import { joinLinkIssuedV1 } from './sessions/join-link-issued.event';
import { joinLinkRevokedV1 } from './sessions/join-link-revoked.event';
import { participantJoinedV1 } from './sessions/participant-joined.event';
import { participantLeftV1 } from './sessions/participant-left.event';
import { patientAdmittedV1 } from './sessions/patient-admitted.event';
import { patientLocationConfirmedV1 } from './sessions/patient-location-confirmed.event';
import { patientArrivedInWaitingRoomV1 } from './sessions/patient-arrived-in-waiting-room.event';
import { platformIncidentClosedV1 } from './sessions/platform-incident-closed.event';
import { platformIncidentRaisedV1 } from './sessions/platform-incident-raised.event';
import { providerTransferredV1 } from './sessions/provider-transferred.event';
import { preVisitCheckRecordedV1 } from './sessions/pre-visit-check-recorded.event';
import { sessionCreatedV1 } from './sessions/session-created.event';
import { sessionEndedV1 } from './sessions/session-ended.event';
import { sessionRescheduledV1 } from './sessions/session-rescheduled.event';
import { sessionInterpreterChangedV1 } from './sessions/session-interpreter-changed.event';
import { sessionStartRefusedV1 } from './sessions/session-start-refused.event';
import { sessionStartedV1 } from './sessions/session-started.event';
import { surveySubmittedV1 } from './sessions/survey-submitted.event';
import { switchedToAudioOnlyV1 } from './sessions/switched-to-audio-only.event';
import { technicalIssueAssignedV1 } from './sessions/technical-issue-assigned.event';
import { technicalIssueOpenedV1 } from './sessions/technical-issue-opened.event';
import { technicalIssueResolvedV1 } from './sessions/technical-issue-resolved.event';
import { TOPICS } from './topics';

/** What the sessions service publishes on `thc.sessions.v1`. */
export const sessionsRegistry = {
  context: 'sessions',
  topic: TOPICS.sessions,
  producer: { service: 'sessions', source: '/thc/sessions' },
  description:
    "Virtual visits: join links, pre-visit checks, the patient's confirmed location, consent given on the visit page, waiting room, participants, connection quality, technical issues, surveys, platform incidents.",
  streams: {
    session: {
      prefix: 'session',
      idField: 'sessionId',
      description: 'One virtual visit, from creation to survey.',
    },
    platformIncident: {
      prefix: 'platform-incident',
      idField: 'incidentId',
      description: 'One platform-wide incident.',
    },
  },
  events: [
    sessionCreatedV1,
    sessionRescheduledV1,
    sessionInterpreterChangedV1,
    joinLinkIssuedV1,
    joinLinkDeliveryRequestedV1,
    joinLinkRevokedV1,
    preVisitCheckRecordedV1,
    patientLocationConfirmedV1,
    consentGivenAtJoinV1,
    patientArrivedInWaitingRoomV1,
    patientAdmittedV1,
    participantJoinedV1,
    participantLeftV1,
    connectionQualitySampledV1,
    connectionQualitySampledV2,
    switchedToAudioOnlyV1,
    technicalIssueOpenedV1,
    technicalIssueAssignedV1,
    technicalIssueResolvedV1,
    providerTransferredV1,
    sessionStartedV1,
    sessionStartRefusedV1,
    sessionEndedV1,
    surveySubmittedV1,
    platformIncidentRaisedV1,
    platformIncidentClosedV1,
  ],
  upcasters: [connectionQualitySampledV1ToV2],
} as const satisfies ContextRegistry<'sessions'>;
