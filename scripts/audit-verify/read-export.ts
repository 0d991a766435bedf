import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { StoredAuditEntry } from '../../services/compliance-audit/src/audit-trail/domain/audit-entry';
import { Checkpoint } from '../../services/compliance-audit/src/audit-trail/domain/checkpoint-signature';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportHeader,
} from '../../services/compliance-audit/src/audit-trail/export/trail-export';

export type ExportItem =
  | { readonly kind: 'entry'; readonly entry: StoredAuditEntry }
  | { readonly kind: 'checkpoint'; readonly checkpoint: Checkpoint };

/** Refuses input that is not an export, naming the line: garbage must not read as "intact". */
export class ExportFormatError extends Error {}

function parse(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ExportFormatError(`line ${number}: not JSON`);
  }
}

/** Reads an export line by line (it may hold millions of entries): the header, then the items. */
export async function readExport(
  file: string,
  onItem: (item: ExportItem) => void,
): Promise<ExportHeader> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: ExportHeader | undefined;
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    const value = parse(line, number) as Record<string, unknown>;
    if (!header) {
      if (value['format'] !== EXPORT_FORMAT || value['version'] !== EXPORT_VERSION)
        throw new ExportFormatError(`line 1: not a ${EXPORT_FORMAT} v${EXPORT_VERSION} header`);
      header = value as unknown as ExportHeader;
    } else if (typeof value['entry'] === 'object' && value['entry'] !== null) {
      const entry = value['entry'] as StoredAuditEntry;
      if (!Number.isInteger(entry.seq))
        throw new ExportFormatError(`line ${number}: entry without seq`);
      onItem({ kind: 'entry', entry });
    } else if (typeof value['checkpoint'] === 'object' && value['checkpoint'] !== null) {
      onItem({ kind: 'checkpoint', checkpoint: value['checkpoint'] as Checkpoint });
    } else {
      throw new ExportFormatError(`line ${number}: neither an entry nor a checkpoint`);
    }
  }
  if (!header) throw new ExportFormatError('empty export');
  return header;
}
