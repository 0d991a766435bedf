import { Inject, Injectable } from '@nestjs/common';
import type { Principal, Role } from '@thc/auth';
import type { EncryptedField } from '@thc/contracts';
import { PatientErasedError, PatientKeyStore } from '@thc/phi-protection';
import { PersonReach } from '../person-reach';
import { asHttpError } from '../contact-http-errors';
import { RecordContactPreferences } from '../domain/contact-preferences.commands';
import type { ContactPreferencesRecorded } from '../domain/contact-preferences.events';
import { ContactPointsProjection } from '../infrastructure/contact-points.projection';
import { ContactPreferencesRepository } from '../infrastructure/contact-preferences.repository';
import { ContactSealer, SealedContactField } from '../infrastructure/contact-sealer';
import { ContactViewUpdater } from '../infrastructure/contact-view-updater';
import { MobileLookup } from '../infrastructure/mobile-lookup.projection';
import type { ContactPreferencesRecordedAnswer } from './contact-preferences-answers.dto';
import type { RecordContactPreferencesDto } from './contact-preferences.dto';
import { Clock, CLOCK } from '@thc/service-runtime';

const SEALED: readonly SealedContactField[] = ['email', 'mobile', 'preferredLanguage'];
const PRECEDENCE: readonly Role[] = ['admin', 'coordinator', 'patient'];

/** Recording a person's whole record of contact points and preferences. */
@Injectable()
export class RecordContactPreferencesHandler {
  constructor(
    private readonly repository: ContactPreferencesRepository,
    private readonly views: ContactPointsProjection,
    private readonly updater: ContactViewUpdater,
    private readonly sealer: ContactSealer,
    private readonly lookup: MobileLookup,
    private readonly reach: PersonReach,
    private readonly keys: PatientKeyStore,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** Whole record, latest wins; the same record again appends nothing. */
  async record(
    personId: string,
    dto: RecordContactPreferencesDto,
    principal: Principal,
  ): Promise<ContactPreferencesRecordedAnswer> {
    const patientId = dto.patientId ?? personId;
    await this.reach.ensure(principal, personId, patientId);
    const before = await this.views.find(personId);
    // Moving a record to another patient's key is a change to the former patient's data too.
    if (before && before.patientId !== patientId && !PersonReach.isThePerson(principal, personId))
      await this.reach.ensure(principal, personId, before.patientId);
    try {
      // Checked up front: a record without any contact point seals nothing that would refuse.
      if (await this.keys.isErased(patientId)) throw new PatientErasedError(patientId);
      const { state } = await this.repository.load(personId);
      const command: RecordContactPreferences = {
        type: 'RecordContactPreferences',
        preferences: {
          personId,
          patientId,
          ...(await this.sealed(patientId, dto, state.record)),
          timeZone: dto.timeZone,
          ...(dto.quietHours
            ? { quietHours: { start: dto.quietHours.start, end: dto.quietHours.end } }
            : {}),
          consent: { byEmail: dto.consent.byEmail, bySms: dto.consent.bySms },
        },
        at: this.now().toISOString(),
        by: {
          kind: 'user',
          userId: principal.subject,
          role: PRECEDENCE.find((role) => principal.roles.includes(role)) ?? 'patient',
        },
      };
      const result = await this.repository.handle(personId, command, principal.subject);
      // Also after no change when the view is behind its stream (a save lost to a crash).
      if (result.events.length > 0 || before?.version !== result.version) {
        const mobileKey = dto.mobile ? this.lookup.keyOf(dto.mobile) : undefined;
        await this.updater.update(result.state, result.version, before, mobileKey);
      }
      return { personId, version: result.version, changed: result.events.length > 0 };
    } catch (error) {
      throw asHttpError(error);
    }
  }

  /**
   * The stated contact points sealed: a value that did not change keeps its seal, so the same
   * record compares equal and appends nothing; a new one is sealed anew.
   */
  private async sealed(
    patientId: string,
    dto: RecordContactPreferencesDto,
    previous: ContactPreferencesRecorded | undefined,
  ): Promise<Partial<Record<SealedContactField, EncryptedField>>> {
    const sealed: Partial<Record<SealedContactField, EncryptedField>> = {};
    for (const field of SEALED) {
      const value = dto[field];
      if (value === undefined) continue;
      const kept = previous?.patientId === patientId ? previous[field] : undefined;
      const opened = kept ? await this.sealer.open(patientId, field, kept) : undefined;
      sealed[field] =
        kept && opened?.readable && opened.value === value
          ? kept
          : await this.sealer.seal(patientId, field, value);
    }
    return sealed;
  }
}
