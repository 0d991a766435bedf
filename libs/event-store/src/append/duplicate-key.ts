const DUPLICATE_KEY = 11000;

/**
 * For a duplicate-key failure of an ordered insert, the index of the document that was
 * refused (those before it were written); undefined for any other error. The server does
 * not reliably say which index refused it (FerretDB names none), so the caller finds out.
 */
export function refusedIndex(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; writeErrors?: unknown; index?: unknown };
  const writeErrors = Array.isArray(candidate.writeErrors)
    ? (candidate.writeErrors as unknown[])
    : [];
  const first = writeErrors[0] as { code?: unknown; index?: unknown } | undefined;
  if (first?.code === DUPLICATE_KEY) return typeof first.index === 'number' ? first.index : 0;
  if (candidate.code === DUPLICATE_KEY)
    return typeof candidate.index === 'number' ? candidate.index : 0;
  return undefined;
}
