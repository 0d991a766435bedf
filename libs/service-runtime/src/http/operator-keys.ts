import { InvalidParam } from './problem-details';

/**
 * Finds object keys that MongoDB would read as operators (`$gt`, `$where`) or paths (`a.b`).
 * No API field is named like that, so any such key is an injection attempt and is refused
 * before validation can be confused by it.
 */
export function findOperatorKeys(value: unknown, path = ''): InvalidParam[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => findOperatorKeys(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const name = path ? `${path}.${key}` : key;
    const own =
      key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor'
        ? [{ name, reason: 'field names may not start with "$", contain ".", or name a prototype' }]
        : [];
    return [...own, ...findOperatorKeys(child, name)];
  });
}
