const THIS_MACHINE = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the browser may talk to the identity provider over plain http: only a provider on
 * this very machine (a test's, a developer's own), never one across a network. The web server
 * already refuses an http issuer in production; this keeps the browser from relaxing TLS for
 * any other host if one slips through.
 */
export function allowsPlainHttp(issuer: string): boolean {
  const url = URL.parse(issuer);
  return url?.protocol === 'http:' && THIS_MACHINE.has(url.hostname);
}
