import type { Decider } from '@thc/event-store/decider';
import type { CreateModule, ModuleCommand, PublishModuleVersion } from './module.commands';
import { ModuleStateError } from './module.errors';
import { MODULE_VERSION_PUBLISHED, ModuleEvent } from './module.events';
import { initialModuleState, ModuleState } from './module.state';

function create(command: CreateModule, state: ModuleState): ModuleEvent[] {
  if (state.status !== 'none')
    throw new ModuleStateError(`module ${command.moduleId} already exists`);
  const { type: _, at, by, ...module } = command;
  const data = {
    ...module,
    version: 1,
    requiresRetraining: false,
    publishedAt: at,
    publishedBy: by,
  };
  return [{ type: MODULE_VERSION_PUBLISHED, data }];
}

function publish(command: PublishModuleVersion, state: ModuleState): ModuleEvent[] {
  if (state.status !== 'published')
    throw new ModuleStateError(`module ${command.moduleId} does not exist`);
  const current = state.current;
  return [
    {
      type: MODULE_VERSION_PUBLISHED,
      data: {
        moduleId: current.moduleId,
        moduleCode: current.moduleCode,
        topic: current.topic,
        version: current.version + 1,
        title: command.title ?? current.title,
        passMarkPercent: command.passMarkPercent ?? current.passMarkPercent,
        maxAttempts: command.maxAttempts ?? current.maxAttempts,
        requiresRetraining: command.requiresRetraining,
        publishedAt: command.at,
        publishedBy: command.by,
      },
    },
  ];
}

function decide(command: ModuleCommand, state: ModuleState): ModuleEvent[] {
  return command.type === 'CreateModule' ? create(command, state) : publish(command, state);
}

function evolve(_state: ModuleState, event: ModuleEvent): ModuleState {
  const { moduleId, moduleCode, topic, version, title, passMarkPercent, maxAttempts } = event.data;
  return {
    status: 'published',
    current: { moduleId, moduleCode, topic, version, title, passMarkPercent, maxAttempts },
  };
}

/** A catalog module: its versions, each published whole; the latest is the one staff take. */
export const moduleDecider: Decider<ModuleState, ModuleCommand, ModuleEvent> = {
  decide,
  evolve,
  initialState: initialModuleState,
};
