import type { ModuleVersion } from '../../services/training/src/catalog/domain/module.state';
import {
  CERTIFICATION_SOURCES,
  CertificationKind,
  ModuleTopic,
  requiredTopics,
} from '../../services/training/src/requirements/role-requirements';
import { inForce } from '../../services/training/src/staff-training/domain/credential';
import { nextCheckAt } from '../../services/training/src/staff-training/domain/next-check';
import type { StaffTrainingCommand } from '../../services/training/src/staff-training/domain/staff-training.commands';
import { staffTrainingDecider } from '../../services/training/src/staff-training/domain/staff-training.decider';
import {
  TrainingRuleError,
  TrainingStateError,
} from '../../services/training/src/staff-training/domain/staff-training.errors';
import {
  STAFF_EVENT,
  StaffTrainingEvent,
  staffStreamId,
} from '../../services/training/src/staff-training/domain/staff-training.events';
import type { StaffTrainingState } from '../../services/training/src/staff-training/domain/staff-training.state';
import { factEventId } from '../../services/training/src/staff-training/infrastructure/fact-event-id';
import type { StaffCredential } from '../../services/scheduling/src/credentials/staff-credential.decision';
import type { StaffMember } from './history-roster';
import { DAY_MS, HOUR_MS, MINUTE_MS, Timeline } from './history-agenda';
import type { HistoryRoster } from './history-roster';
import { HistoryWorld, iso, StreamWriter } from './history-world';
import { planCatalog } from './training-catalog';

/** The training service's defaults: expiry warnings 30 and 7 days ahead, 30 days to complete. */
const WARNING_LEAD_DAYS = [30, 7];
const DUE_DAYS = 30;

export interface StaffRecord {
  readonly state: StaffTrainingState;
  readonly version: number;
}

export interface TrainingHistory {
  /** The credential scheduling's read model holds for a staff member at an instant. */
  credentialAt(staffId: string, at: number): StaffCredential | undefined;
  readonly staff: readonly StaffRecord[];
  /** Each module's latest version, as the catalog lists it. */
  readonly catalog: readonly ModuleVersion[];
}

/**
 * The module catalog (`training-catalog.ts`), then each staff member's record: enrolment in the
 * first days, completions with a failed first attempt now and then, outside CTC certifications of coordinators, renewals ahead
 * of expiry (a few late, so the credential lapses for a while), and the expiry checks the
 * service's clock runs. The roster's profiles show through: a revoked HIPAA certification near
 * the end, a credential left to expire, a module never passed.
 */
export function planTraining(world: HistoryWorld, roster: HistoryRoster): TrainingHistory {
  const catalog = planCatalog(world, roster);
  const credentials = new Map<string, { at: number; credential: StaffCredential }[]>();
  const staff = roster.staff.map((member) => {
    const story = new StaffStory(world, member, roster, catalog.moduleAt, catalog.secondEdition);
    credentials.set(member.id, story.credentials);
    return story.run();
  });
  return {
    credentialAt: (staffId, at) =>
      [...(credentials.get(staffId) ?? [])].reverse().find((c) => c.at <= at)?.credential,
    staff,
    catalog: catalog.latest,
  };
}

type StaffWriter = StreamWriter<StaffTrainingState, StaffTrainingCommand, StaffTrainingEvent>;

/** One staff member's training over the history, as the training service would record it. */
class StaffStory {
  readonly credentials: { at: number; credential: StaffCredential }[] = [];
  private readonly writer: StaffWriter;
  private readonly timeline: Timeline;
  private readonly rng;
  private readonly trainer;
  private certifications = 0;
  private attempts = 0;
  private assignments = 0;
  private pendingCheck = Infinity;

  constructor(
    private readonly world: HistoryWorld,
    private readonly member: StaffMember,
    private readonly roster: HistoryRoster,
    private readonly moduleAt: (topic: ModuleTopic, at: number) => ModuleVersion,
    private readonly secondEdition: number | undefined,
  ) {
    this.writer = new StreamWriter(
      world,
      'training',
      staffStreamId(member.id),
      staffTrainingDecider,
      factEventId,
    );
    this.timeline = new Timeline(world.end);
    this.rng = world.random(`training:${member.id}`);
    this.trainer = { kind: 'user', userId: roster.trainerId, role: 'trainer' } as const;
  }

  run(): StaffRecord {
    const { rng, member, timeline } = this;
    const enrolAt = this.world.start + rng.between(HOUR_MS, 3 * DAY_MS);
    timeline.at(enrolAt, () => this.enrol());
    if (this.secondEdition !== undefined) {
      const at = this.secondEdition + rng.between(10_000, 5 * MINUTE_MS);
      timeline.at(at, () => this.retrain());
    }
    if (member.training === 'revoked')
      timeline.at(this.world.end - rng.between(10, 30) * DAY_MS, () => this.revokeHipaa());
    timeline.run();
    return { state: this.writer.state, version: this.eventsSoFar() };
  }

  private eventsSoFar(): number {
    const state = this.writer.state;
    return state.status === 'none' ? 0 : this.writer.version;
  }

  private decide(command: StaffTrainingCommand, withActor = true): readonly StaffTrainingEvent[] {
    const at = this.timeline.now;
    let events: readonly StaffTrainingEvent[];
    try {
      events = this.writer.decide(command, at, withActor ? { actor: this.roster.trainerId } : {});
    } catch (error) {
      // What the service would refuse (a module already assigned, no attempts left) is skipped.
      if (error instanceof TrainingStateError || error instanceof TrainingRuleError) return [];
      throw error;
    }
    for (const event of events) this.follow(event, at);
    this.scheduleCheck();
    return events;
  }

  private follow(event: StaffTrainingEvent, at: number): void {
    if (event.type === STAFF_EVENT.credentialed)
      this.credentials.push({
        at,
        credential: {
          status: 'current',
          validUntil: event.data.validUntil,
          asOf: event.data.credentialedAt,
        },
      });
    else if (event.type === STAFF_EVENT.lapsed)
      this.credentials.push({
        at,
        credential: { status: 'lapsed', cause: event.data.cause, asOf: event.data.lapsedAt },
      });
    else if (event.type === STAFF_EVENT.granted || event.type === STAFF_EVENT.recorded)
      this.planRenewal(event.data.kind, Date.parse(event.data.expiresAt));
  }

  private enrol(): void {
    const { member, timeline } = this;
    const topics = requiredTopics(member.role);
    const at = timeline.now;
    this.decide({
      type: 'EnrolStaff',
      staffId: member.id,
      role: member.role,
      teamId: member.clinicId,
      required: topics.map((topic) => ({
        module: this.moduleAt(topic, at),
        assignmentId: this.nextAssignmentId(),
      })),
      dueAt: iso(at + 21 * DAY_MS),
      at: iso(at),
      by: this.trainer,
    });
    for (const topic of topics) {
      if (topic === 'emergency-protocol' && member.training === 'incomplete') continue;
      timeline.at(at + this.rng.between(0.5, 14) * DAY_MS, () => this.complete(topic));
    }
    if (member.role === 'coordinator')
      timeline.at(at + this.rng.between(1, 10) * DAY_MS, () =>
        this.recordCtc(this.rng.between(30, 600)),
      );
  }

  /** One attempt; a failed one is tried again a few days later. */
  private complete(topic: ModuleTopic): void {
    const { rng, timeline } = this;
    const at = timeline.now;
    const module = this.moduleAt(topic, at);
    const passed = rng.chance(0.88);
    this.attempts += 1;
    const events = this.decide({
      type: 'RecordCompletion',
      module,
      scorePercent: passed
        ? rng.int(module.passMarkPercent, 100)
        : rng.int(40, module.passMarkPercent - 1),
      completedAt: iso(at - rng.between(0, 20 * MINUTE_MS)),
      evidenceRef: `lms://attempts/${this.member.id.slice(0, 8)}-${this.attempts}`,
      certificationId: this.world.id(`certification:${this.member.id}:${++this.certifications}`),
      at: iso(at),
    });
    if (!passed && events.length > 0)
      timeline.at(at + rng.between(1, 3) * DAY_MS, () => this.complete(topic));
  }

  /** An outside CTC certification issued `ageDays` ago, valid two years from its issue. */
  private recordCtc(ageDays: number): void {
    const at = this.timeline.now;
    const issuedAt = at - ageDays * DAY_MS;
    this.decide({
      type: 'RecordExternalCertification',
      certificationId: this.world.id(`certification:${this.member.id}:${++this.certifications}`),
      kind: 'ctc',
      issuer: 'Telehealth Certification Institute',
      issuedAt: iso(issuedAt),
      expiresAt: iso(issuedAt + 730 * DAY_MS),
      evidenceRef: `https://certificates.example.org/ctc/${this.member.id.slice(0, 8)}-${this.certifications}`,
      at: iso(at),
      by: this.trainer,
    });
  }

  /**
   * Renewal ahead of expiry: the modules behind the certification are assigned again and
   * passed (one in twenty only after the expiry, so the credential lapses meanwhile); a CTC
   * certificate is renewed outside and recorded. Staff whose profile lets it run out are not.
   */
  private planRenewal(kind: CertificationKind, expiresAt: number): void {
    const { member, rng, timeline } = this;
    if (member.training === 'expiring' || (member.training === 'revoked' && kind === 'hipaa'))
      return;
    const at = Math.max(timeline.now + HOUR_MS, expiresAt - rng.between(35, 50) * DAY_MS);
    timeline.at(at, () => {
      const state = this.writer.state;
      if (state.status !== 'enrolled') return;
      const current = inForce(state.certifications, kind, iso(timeline.now));
      if (current && Date.parse(current.expiresAt) > expiresAt + DAY_MS) return;
      if (kind === 'ctc') {
        timeline.at(timeline.now + rng.between(3, 25) * DAY_MS, () =>
          this.recordCtc(rng.between(1, 5)),
        );
        return;
      }
      const topics: readonly ModuleTopic[] = CERTIFICATION_SOURCES[kind].topics;
      for (const topic of topics) this.assign(topic, 'renewal', expiresAt);
      const passAt = rng.chance(0.05)
        ? expiresAt + rng.between(3, 20) * DAY_MS
        : timeline.now + rng.between(2, 30) * DAY_MS;
      topics.forEach((topic, i) => timeline.at(passAt + i * HOUR_MS, () => this.complete(topic)));
    });
  }

  /** The second HIPAA edition: everyone who passed the first takes it again. */
  private retrain(): void {
    const state = this.writer.state;
    if (state.status !== 'enrolled' || !state.passes.hipaa) return;
    const at = this.timeline.now;
    this.assign('hipaa', 'retraining', at + DUE_DAYS * DAY_MS);
    if (this.member.training === 'revoked' || this.member.training === 'expiring') return;
    this.timeline.at(at + this.rng.between(3, 28) * DAY_MS, () => this.complete('hipaa'));
  }

  private assign(topic: ModuleTopic, reason: 'renewal' | 'retraining', due: number): void {
    const state = this.writer.state;
    const at = this.timeline.now;
    const module = this.moduleAt(topic, at);
    if (state.status !== 'enrolled') return;
    if (state.assignments.some((a) => a.moduleId === module.moduleId && a.status === 'open'))
      return;
    this.decide({
      type: 'AssignModule',
      module,
      assignmentId: this.nextAssignmentId(),
      reason,
      dueAt: iso(Math.max(due, at + DAY_MS)),
      at: iso(at),
      by: this.trainer,
    });
  }

  private revokeHipaa(): void {
    const state = this.writer.state;
    if (state.status !== 'enrolled') return;
    const at = this.timeline.now;
    const hipaa = inForce(state.certifications, 'hipaa', iso(at));
    if (!hipaa) return;
    this.decide({
      type: 'RevokeCertification',
      certificationId: hipaa.certificationId,
      reason: 'policy-breach',
      at: iso(at),
      by: this.trainer,
    });
  }

  /** The service's clock checks a record when something on it falls due (within its interval). */
  private scheduleCheck(): void {
    const state = this.writer.state;
    if (state.status !== 'enrolled') return;
    const next = nextCheckAt(state, WARNING_LEAD_DAYS);
    if (next === undefined) return;
    const at = Math.max(Date.parse(next), this.timeline.now) + this.rng.between(5_000, 60_000);
    if (at >= this.pendingCheck) return;
    this.pendingCheck = at;
    this.timeline.at(at, () => {
      this.pendingCheck = Infinity;
      this.decide(
        { type: 'CheckExpiries', warningLeadDays: WARNING_LEAD_DAYS, at: iso(at) },
        false,
      );
    });
  }

  private nextAssignmentId(): string {
    return this.world.id(`assignment:${this.member.id}:${++this.assignments}`);
  }
}
