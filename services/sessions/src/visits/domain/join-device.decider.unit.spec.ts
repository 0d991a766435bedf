import { deciderSpec } from '@thc/testing';
import type { LinkDevice } from './session.commands';
import { sessionDecider } from './session.decider';
import { LinkRefusedError } from './session.errors';
import { SESSION_EVENT as E } from './session.events';
import {
  admitted,
  arrived,
  created,
  dropped,
  ids,
  joined,
  linkIssued,
  started,
} from '../testing/session.fixture';

const given = deciderSpec(sessionDecider);
const patientLink = linkIssued(ids.patientLink, ids.patient, 'patient');
const at = '2031-03-09T13:05:00Z';
const joinOn = (device: LinkDevice) =>
  ({
    type: 'JoinVisit',
    linkId: ids.patientLink,
    device,
    media: 'video',
    connection: 'browser',
    at,
  }) as const;

const inRoom = [created, patientLink, started, admitted, joined(ids.patient, 'patient', at)];
const waiting = [created, patientLink, arrived];

describe('a join link is one device’s while its participant is in the visit', () => {
  it('refuses the link on a second device while the patient is in the room', () =>
    given(inRoom).when(joinOn('bound-elsewhere')).then(new LinkRefusedError('in-use')));

  it('refuses the link on a second device while the patient waits to be admitted', () =>
    given(waiting).when(joinOn('bound-elsewhere')).then(new LinkRefusedError('in-use')));

  it('lets the device that holds the link back in (a reload), changing nothing', () =>
    given(inRoom).when(joinOn('bound-here')).then([]));

  it('lets another device take the link over once the patient dropped', () =>
    given([...inRoom, dropped(at)])
      .when(joinOn('bound-elsewhere'))
      .then([expect.objectContaining({ type: E.joined }) as never]));

  it('lets the first device in, before anyone holds the link', () =>
    given([created, patientLink, started, admitted])
      .when(joinOn('unbound'))
      .then([expect.objectContaining({ type: E.joined }) as never]));
});
