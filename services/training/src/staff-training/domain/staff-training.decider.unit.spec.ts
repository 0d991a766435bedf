import { deciderSpec } from '@thc/testing';
import { staffTrainingDecider } from './staff-training.decider';
import { TrainingRuleError, TrainingStateError } from './staff-training.errors';
import { STAFF_EVENT as E, StaffTrainingEvent } from './staff-training.events';
import {
  assignmentIdOf,
  credentialed,
  credentialedProvider,
  enrolled,
  granted,
  ids,
  modules,
  passed,
  warned,
  trainer,
} from '../testing/staff-training.fixture';

const given = deciderSpec(staffTrainingDecider);
const leads = [30, 7];

const failed = (attempt: number): StaffTrainingEvent => ({
  type: E.completed,
  data: {
    ...(passed('hipaa', '2026-01-06T10:00:00.000Z', attempt).data as object),
    scorePercent: 50,
    passed: false,
  } as never,
});

describe('EnrolStaff', () => {
  const enrol = {
    type: 'EnrolStaff',
    staffId: ids.staff,
    role: 'provider',
    teamId: ids.team,
    required: [{ module: modules.hipaa, assignmentId: assignmentIdOf('hipaa') }],
    dueAt: '2026-02-04T09:00:00.000Z',
    at: '2026-01-05T09:00:00.000Z',
    by: trainer,
  } as const;

  it('enrols in the role and assigns the modules it requires, due together', () =>
    given([])
      .when(enrol)
      .then([
        enrolled(),
        {
          type: E.assigned,
          data: {
            staffId: ids.staff,
            assignmentId: assignmentIdOf('hipaa'),
            moduleId: modules.hipaa.moduleId,
            moduleCode: 'HIPAA',
            moduleVersion: 1,
            reason: 'role-requirement',
            assignedAt: enrol.at,
            dueAt: enrol.dueAt,
            assignedBy: trainer,
          },
        },
      ]));

  it('refuses a second enrolment', () =>
    given([enrolled()])
      .when(enrol)
      .then(new TrainingStateError('the staff member is already enrolled')));

  it('refuses a due date in the past', () =>
    given([])
      .when({ ...enrol, dueAt: '2026-01-01T00:00:00.000Z' })
      .then(TrainingRuleError));
});

describe('AssignModule', () => {
  const assign = {
    type: 'AssignModule',
    module: modules.troubleshooting,
    assignmentId: assignmentIdOf('troubleshooting'),
    reason: 'manual',
    dueAt: '2026-03-01T00:00:00.000Z',
    at: '2026-02-01T00:00:00.000Z',
    by: trainer,
  } as const;

  it('assigns a module by hand with its due date', () =>
    given([enrolled()])
      .when(assign)
      .then([
        {
          type: E.assigned,
          data: {
            staffId: ids.staff,
            assignmentId: assignmentIdOf('troubleshooting'),
            moduleId: modules.troubleshooting.moduleId,
            moduleCode: 'TROUBLESHOOTING',
            moduleVersion: 1,
            reason: 'manual',
            assignedAt: assign.at,
            dueAt: assign.dueAt,
            assignedBy: trainer,
          },
        },
      ]));

  it('refuses a module already assigned and not passed', () => {
    const first = staffTrainingDecider.decide(
      assign,
      staffTrainingDecider.evolve(staffTrainingDecider.initialState(), enrolled()),
    );
    given([enrolled(), ...(first as StaffTrainingEvent[])])
      .when(assign)
      .then(TrainingStateError);
  });

  it('refuses someone not enrolled', () =>
    given([])
      .when(assign)
      .then(new TrainingStateError('the staff member is not enrolled in telehealth training')));
});

describe('RecordCompletion', () => {
  const complete = (topic: keyof typeof modules, scorePercent: number, completedAt: string) =>
    ({
      type: 'RecordCompletion',
      module: modules[topic],
      scorePercent,
      completedAt,
      certificationId: ids.cert,
      at: completedAt,
    }) as const;

  it('records a failed attempt below the pass mark, with no certification', () =>
    given([enrolled()])
      .when(complete('hipaa', 50, '2026-01-06T10:00:00.000Z'))
      .then([failed(1)]));

  it('refuses an attempt beyond the maximum until a trainer assigns the module again', () =>
    given([enrolled(), failed(1), failed(2), failed(3)])
      .when(complete('hipaa', 95, '2026-01-06T11:00:00.000Z'))
      .then(TrainingStateError));

  it('grants HIPAA on a pass, valid for the role renewal period, and credentials once the role is covered', () =>
    given([
      enrolled(),
      granted('platform-use', ids.cert2, '2026-01-05T00:00:00.000Z', '2028-01-05T00:00:00.000Z', [
        'platform-use',
      ]),
    ])
      .when(complete('hipaa', 90, '2026-01-06T10:00:00.000Z'))
      .then([
        passed('hipaa', '2026-01-06T10:00:00.000Z'),
        granted('hipaa', ids.cert, '2026-01-06T10:00:00.000Z', '2027-01-06T10:00:00.000Z', [
          'hipaa',
        ]),
        credentialed('2026-01-06T10:00:00.000Z', '2027-01-06T10:00:00.000Z', [ids.cert, ids.cert2]),
      ]));

  it('grants platform use only when all four of its modules are passed, from the oldest pass', () =>
    given([
      enrolled(),
      passed('platform-use', '2026-01-06T10:00:00.000Z'),
      passed('telehealth-etiquette', '2026-01-07T10:00:00.000Z'),
      passed('troubleshooting', '2026-01-08T10:00:00.000Z'),
    ])
      .when(complete('emergency-protocol', 85, '2026-01-09T10:00:00.000Z'))
      .then([
        {
          ...passed('emergency-protocol', '2026-01-09T10:00:00.000Z'),
          data: {
            ...passed('emergency-protocol', '2026-01-09T10:00:00.000Z').data,
            scorePercent: 85,
          },
        } as StaffTrainingEvent,
        granted('platform-use', ids.cert, '2026-01-09T10:00:00.000Z', '2028-01-06T10:00:00.000Z', [
          'platform-use',
          'telehealth-etiquette',
          'troubleshooting',
          'emergency-protocol',
        ]),
      ]));

  it('refuses a completion dated in the future', () =>
    given([enrolled()])
      .when({
        ...complete('hipaa', 90, '2026-01-07T00:00:00.000Z'),
        at: '2026-01-06T00:00:00.000Z',
      })
      .then(TrainingRuleError));
});

describe('RecordExternalCertification', () => {
  const ctc = {
    type: 'RecordExternalCertification',
    certificationId: ids.ctc,
    kind: 'ctc',
    issuer: 'Telehealth Certification Institute',
    issuedAt: '2025-11-01T00:00:00.000Z',
    expiresAt: '2027-11-01T00:00:00.000Z',
    evidenceRef: 'https://certificates.example.org/ctc/88231',
    at: '2026-01-06T00:00:00.000Z',
    by: trainer,
  } as const;

  it('records the certification with its issuer and expiry', () =>
    given([enrolled()])
      .when(ctc)
      .then([
        {
          type: E.recorded,
          data: {
            staffId: ids.staff,
            certificationId: ids.ctc,
            kind: 'ctc',
            issuer: ctc.issuer,
            issuedAt: ctc.issuedAt,
            expiresAt: ctc.expiresAt,
            evidenceRef: ctc.evidenceRef,
            recordedAt: ctc.at,
            recordedBy: trainer,
          },
        },
      ]));

  it('refuses one that has already expired', () =>
    given([enrolled()])
      .when({ ...ctc, expiresAt: '2026-01-01T00:00:00.000Z' })
      .then(new TrainingRuleError('the certification has already expired')));

  it('refuses the same certification twice', () => {
    const [recorded] = staffTrainingDecider.decide(
      ctc,
      staffTrainingDecider.evolve(staffTrainingDecider.initialState(), enrolled()),
    ) as StaffTrainingEvent[];
    given([enrolled(), recorded!]).when(ctc).then(TrainingStateError);
  });
});

describe('RevokeCertification', () => {
  const revoke = {
    type: 'RevokeCertification',
    certificationId: ids.cert,
    reason: 'policy-breach',
    at: '2026-06-01T00:00:00.000Z',
    by: trainer,
  } as const;

  it('revokes, and the credential resting on it lapses at once', () =>
    given(credentialedProvider)
      .when(revoke)
      .then([
        {
          type: E.revoked,
          data: {
            staffId: ids.staff,
            certificationId: ids.cert,
            kind: 'hipaa',
            reason: 'policy-breach',
            revokedAt: revoke.at,
            revokedBy: trainer,
          },
        },
        {
          type: E.lapsed,
          data: {
            staffId: ids.staff,
            role: 'provider',
            lapsedAt: revoke.at,
            cause: 'certification-revoked',
            certificationKind: 'hipaa',
            certificationId: ids.cert,
          },
        },
      ]));

  it('refuses an unknown certification', () =>
    given([enrolled()]).when(revoke).then(TrainingStateError));

  it('refuses to revoke twice', () => {
    const events = staffTrainingDecider.decide(
      revoke,
      credentialedProvider.reduce(staffTrainingDecider.evolve, staffTrainingDecider.initialState()),
    ) as StaffTrainingEvent[];
    given([...credentialedProvider, ...events])
      .when(revoke)
      .then(new TrainingStateError('the certification is already revoked'));
  });
});

describe('CheckExpiries', () => {
  const checkAt = (at: string) => ({ type: 'CheckExpiries', warningLeadDays: leads, at }) as const;
  const expiredHipaa: StaffTrainingEvent = {
    type: E.expired,
    data: {
      staffId: ids.staff,
      certificationId: ids.cert,
      kind: 'hipaa',
      expiredAt: '2027-01-10T00:00:00.000Z',
    },
  };
  const lapsed: StaffTrainingEvent = {
    type: E.lapsed,
    data: {
      staffId: ids.staff,
      role: 'provider',
      lapsedAt: '2027-01-10T00:00:00.000Z',
      cause: 'certification-expired',
      certificationKind: 'hipaa',
      certificationId: ids.cert,
    },
  };

  it('decides nothing while every expiry is further than the longest lead time', () =>
    given(credentialedProvider).when(checkAt('2026-12-01T00:00:00.000Z')).then([]));

  it('warns once at 30 days, then once more at 7', () => {
    const at30 = '2026-12-11T00:00:00.000Z';
    const at7 = '2027-01-03T00:00:00.000Z';
    given(credentialedProvider)
      .when(checkAt(at30))
      .then([warned(30, at30)]);
    given([...credentialedProvider, warned(30, at30)])
      .when(checkAt('2026-12-20T00:00:00.000Z'))
      .then([]);
    given([...credentialedProvider, warned(30, at30)])
      .when(checkAt(at7))
      .then([warned(7, at7)]);
  });

  it('warns only at the shorter lead when the longer one was missed', () =>
    given(credentialedProvider)
      .when(checkAt('2027-01-05T00:00:00.000Z'))
      .then([warned(7, '2027-01-05T00:00:00.000Z', 5)]));

  it('expires the certification overnight and lapses the credential at the expiry, once', () => {
    given(credentialedProvider)
      .when(checkAt('2027-01-10T03:00:00.000Z'))
      .then([expiredHipaa, lapsed]);
    given([...credentialedProvider, expiredHipaa, lapsed])
      .when(checkAt('2027-01-11T03:00:00.000Z'))
      .then([]);
  });

  it('decides the same lapse whenever it is noticed (instances agree on its data)', () =>
    given(credentialedProvider)
      .when(checkAt('2027-02-01T00:00:00.000Z'))
      .then([expiredHipaa, lapsed]));

  it('marks an assignment overdue once its due date passes without a pass', () => {
    const assigned: StaffTrainingEvent = {
      type: E.assigned,
      data: {
        staffId: ids.staff,
        assignmentId: assignmentIdOf('hipaa'),
        moduleId: modules.hipaa.moduleId,
        moduleCode: 'HIPAA',
        moduleVersion: 1,
        reason: 'role-requirement',
        assignedAt: '2026-01-05T09:00:00.000Z',
        dueAt: '2026-02-04T09:00:00.000Z',
        assignedBy: trainer,
      },
    };
    const overdue: StaffTrainingEvent = {
      type: E.overdue,
      data: {
        staffId: ids.staff,
        assignmentId: assignmentIdOf('hipaa'),
        moduleId: modules.hipaa.moduleId,
        moduleCode: 'HIPAA',
        dueAt: '2026-02-04T09:00:00.000Z',
      },
    };
    given([enrolled(), assigned]).when(checkAt('2026-02-05T00:00:00.000Z')).then([overdue]);
    given([enrolled(), assigned, overdue]).when(checkAt('2026-02-06T00:00:00.000Z')).then([]);
    given([enrolled(), assigned, passed('hipaa', '2026-02-01T00:00:00.000Z')])
      .when(checkAt('2026-02-05T00:00:00.000Z'))
      .then([]);
  });

  it('decides nothing for someone never enrolled', () =>
    given([]).when(checkAt('2027-01-10T00:00:00.000Z')).then([]));
});

describe('the credential across commands', () => {
  it('a renewal before expiry announces the longer validity, and the old expiry then lapses nothing', () => {
    const renewed = granted(
      'hipaa',
      ids.ctc,
      '2026-12-20T00:00:00.000Z',
      '2027-12-20T00:00:00.000Z',
      ['hipaa'],
    );
    given([...credentialedProvider, passed('hipaa', '2026-12-20T00:00:00.000Z')])
      .when({
        type: 'RecordCompletion',
        module: modules.hipaa,
        scorePercent: 90,
        completedAt: '2026-12-20T00:00:00.000Z',
        certificationId: ids.ctc,
        at: '2026-12-20T00:00:00.000Z',
      })
      .then([
        passed('hipaa', '2026-12-20T00:00:00.000Z'),
        renewed,
        credentialed('2026-12-20T00:00:00.000Z', '2027-12-20T00:00:00.000Z', [ids.ctc, ids.cert2]),
      ]);
    const afterRenewal = [
      ...credentialedProvider,
      renewed,
      credentialed('2026-12-20T00:00:00.000Z', '2027-12-20T00:00:00.000Z', [ids.ctc, ids.cert2]),
    ];
    given(afterRenewal)
      .when({ type: 'CheckExpiries', warningLeadDays: leads, at: '2027-01-10T01:00:00.000Z' })
      .then([
        {
          type: E.expired,
          data: {
            staffId: ids.staff,
            certificationId: ids.cert,
            kind: 'hipaa',
            expiredAt: '2027-01-10T00:00:00.000Z',
          },
        },
      ]);
  });

  it('a command after an unnoticed expiry notes it and lapses the credential first', () =>
    given(credentialedProvider)
      .when({
        type: 'RevokeCertification',
        certificationId: ids.cert2,
        reason: 'administrative',
        at: '2027-01-11T00:00:00.000Z',
        by: trainer,
      })
      .then([
        {
          type: E.expired,
          data: {
            staffId: ids.staff,
            certificationId: ids.cert,
            kind: 'hipaa',
            expiredAt: '2027-01-10T00:00:00.000Z',
          },
        },
        {
          type: E.revoked,
          data: {
            staffId: ids.staff,
            certificationId: ids.cert2,
            kind: 'platform-use',
            reason: 'administrative',
            revokedAt: '2027-01-11T00:00:00.000Z',
            revokedBy: trainer,
          },
        },
        {
          type: E.lapsed,
          data: {
            staffId: ids.staff,
            role: 'provider',
            lapsedAt: '2027-01-10T00:00:00.000Z',
            cause: 'certification-expired',
            certificationKind: 'hipaa',
            certificationId: ids.cert,
          },
        },
      ]));
});
