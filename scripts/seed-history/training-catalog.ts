import type { ModuleCommand } from '../../services/training/src/catalog/domain/module.commands';
import { moduleDecider } from '../../services/training/src/catalog/domain/module.decider';
import {
  ModuleEvent,
  moduleStreamId,
} from '../../services/training/src/catalog/domain/module.events';
import type {
  ModuleState,
  ModuleVersion,
} from '../../services/training/src/catalog/domain/module.state';
import type { ModuleTopic } from '../../services/training/src/requirements/role-requirements';
import { DAY_MS, MINUTE_MS } from './history-agenda';
import type { HistoryRoster } from './history-roster';
import { HistoryWorld, iso, StreamWriter } from './history-world';

/** The catalog `seed:demo` creates, so that both seeds describe the same program. */
const CATALOG = [
  ['HIPAA-PRIVACY-SECURITY', 'hipaa', 'HIPAA privacy and security for virtual visits', 80, 3],
  ['PLATFORM-USE', 'platform-use', 'Using the virtual visit platform', 75, 3],
  [
    'TELEHEALTH-ETIQUETTE',
    'telehealth-etiquette',
    'Telehealth etiquette and webside manner',
    70,
    3,
  ],
  ['TROUBLESHOOTING', 'troubleshooting', 'Troubleshooting audio, video and connections', 70, 3],
  ['EMERGENCY-PROTOCOL', 'emergency-protocol', 'Emergency protocol during a virtual visit', 85, 2],
] as const;

export interface TrainingCatalog {
  /** The version of the topic's module staff take at an instant. */
  moduleAt(topic: ModuleTopic, at: number): ModuleVersion;
  /** When the second HIPAA edition, which requires retraining, came out (if the history is long enough). */
  readonly secondEdition?: number;
  /** Each module's latest version, as the catalog lists it. */
  readonly latest: readonly ModuleVersion[];
}

type ModuleWriter = StreamWriter<ModuleState, ModuleCommand, ModuleEvent>;

/**
 * The five modules, created by the trainer when the program starts, and a second HIPAA edition
 * that requires retraining past half the history.
 */
export function planCatalog(world: HistoryWorld, roster: HistoryRoster): TrainingCatalog {
  const trainer = { kind: 'user', userId: roster.trainerId, role: 'trainer' } as const;
  const metadata = { actor: roster.trainerId };
  const modules = new Map<
    ModuleTopic,
    { writer: ModuleWriter; versions: { at: number; module: ModuleVersion }[] }
  >();
  const catalogAt = world.start + 5 * MINUTE_MS;
  for (const [moduleCode, topic, title, passMarkPercent, maxAttempts] of CATALOG) {
    const writer: ModuleWriter = new StreamWriter(
      world,
      'training',
      moduleStreamId(world.id(`module:${moduleCode}`)),
      moduleDecider,
    );
    const moduleId = world.id(`module:${moduleCode}`);
    writer.decide(
      {
        type: 'CreateModule',
        moduleId,
        moduleCode,
        topic,
        title,
        passMarkPercent,
        maxAttempts,
        at: iso(catalogAt),
        by: trainer,
      },
      catalogAt,
      metadata,
    );
    modules.set(topic, { writer, versions: [{ at: catalogAt, module: published(writer) }] });
  }
  const secondEdition = world.start + 0.55 * (world.end - world.start);
  const hipaa = modules.get('hipaa');
  const retraining = hipaa !== undefined && secondEdition - world.start > 60 * DAY_MS;
  if (retraining) {
    hipaa.writer.decide(
      {
        type: 'PublishModuleVersion',
        moduleId: published(hipaa.writer).moduleId,
        title: 'HIPAA privacy and security for virtual visits (second edition)',
        requiresRetraining: true,
        at: iso(secondEdition),
        by: trainer,
      },
      secondEdition,
      metadata,
    );
    hipaa.versions.push({ at: secondEdition, module: published(hipaa.writer) });
  }
  const moduleAt = (topic: ModuleTopic, at: number): ModuleVersion => {
    const versions = modules.get(topic)?.versions ?? [];
    const version = [...versions].reverse().find((v) => v.at <= at) ?? versions[0];
    if (!version) throw new Error(`no module of topic ${topic}`);
    return version.module;
  };

  return {
    moduleAt,
    ...(retraining ? { secondEdition } : {}),
    latest: [...modules.values()].map(({ writer }) => published(writer)),
  };
}

function published(writer: ModuleWriter): ModuleVersion {
  if (writer.state.status !== 'published') throw new Error('module not published');
  return writer.state.current;
}
