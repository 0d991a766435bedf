import { EventDocument } from './event-document.schema';
import { StoredEvent } from './stored-event';

export function toStoredEvent(document: EventDocument): StoredEvent {
  return {
    id: document._id,
    streamId: document.streamId,
    version: document.version,
    type: document.type,
    data: document.data,
    metadata: document.metadata ?? {},
    recordedAt: document.recordedAt,
  };
}
