import { appendFile, readFile } from 'node:fs/promises';
import { Checkpoint } from './domain/checkpoint-signature';

const isCheckpoint = (value: unknown): value is Checkpoint => {
  const head = value as Partial<Checkpoint> | null;
  return (
    typeof head === 'object' &&
    head !== null &&
    Number.isInteger(head.seq) &&
    typeof head.hash === 'string' &&
    typeof head.signedAt === 'string' &&
    typeof head.keyId === 'string' &&
    typeof head.signature === 'string'
  );
};

/** One signed head per line (JSON), appended: the file only grows. */
export async function appendHead(file: string, head: Checkpoint): Promise<void> {
  const { seq, hash, signedAt, keyId, signature } = head;
  await appendFile(file, `${JSON.stringify({ seq, hash, signedAt, keyId, signature })}\n`, {
    flag: 'a',
  });
}

/**
 * The heads in the file; none if it does not exist yet. A line that is not a head (a write cut
 * short by a crash) is skipped: it was never a signed statement. A head with a bad signature is
 * kept, and verification reports it.
 */
export async function readHeads(file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        const head: unknown = JSON.parse(line);
        return isCheckpoint(head) ? [head] : [];
      } catch {
        return [];
      }
    });
}
