import { Injectable } from '@nestjs/common';
import { TOPICS } from '@thc/contracts';
import { ConsumedEvent, EventConsumerHost } from '@thc/messaging';
import { DirectoryNamesProjection } from '../directory-names/directory-names.projection';
import { EventTallyProjection } from './event-tally.projection';

/**
 * Analytics reads every context's topic; each event updates the per-event projections: the
 * tally, and the directory's names (the visit metrics run their own groups, per version).
 */
@Injectable()
export class CountEveryEventAndKeepDirectoryNames extends EventConsumerHost {
  protected readonly groupId = 'thc.analytics';
  protected readonly topics = Object.values(TOPICS);

  constructor(
    private readonly tally: EventTallyProjection,
    private readonly directoryNames: DirectoryNamesProjection,
  ) {
    super();
  }

  protected handle = async (event: ConsumedEvent): Promise<void> => {
    await this.directoryNames.apply(event);
    await this.tally.apply(event);
  };
}
