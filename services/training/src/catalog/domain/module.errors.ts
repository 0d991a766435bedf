/** The command does not fit the module's state (HTTP 409). */
export class ModuleStateError extends Error {
  override readonly name = 'ModuleStateError';
}
