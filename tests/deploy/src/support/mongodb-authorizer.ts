/**
 * Which databases a MongoDB user's roles let it read or write, for the built-in roles: `read`
 * and `readWrite` (and `dbOwner`) act on their own database; the *AnyDatabase roles, `root` and
 * `__system` (granted on admin) on every database. Any other role is treated as reaching every
 * database, so a test never passes because the model did not know a role.
 */
export interface MongoRole {
  readonly db: string;
  readonly name: string;
}

const ONE_DATABASE: Record<string, readonly ('read' | 'write')[]> = {
  read: ['read'],
  readWrite: ['read', 'write'],
  dbOwner: ['read', 'write'],
};

/** Whether a user holding `roles` may `action` documents in database `db`. */
export function mongoAllows(
  roles: readonly MongoRole[],
  action: 'read' | 'write',
  db: string,
): boolean {
  return roles.some((role) => {
    const scoped = ONE_DATABASE[role.name];
    if (scoped) return role.db === db && scoped.includes(action);
    if (role.name === 'readAnyDatabase') return action === 'read';
    return true;
  });
}
