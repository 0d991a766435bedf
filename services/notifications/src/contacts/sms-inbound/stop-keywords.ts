/**
 * The replies that end SMS, as the gateway reads them: Twilio's default opt-out keywords, the
 * whole message alone, any case, spaces around. The gateway blocks the number on them itself;
 * recording the opt-out here keeps every instance from trying and tells staff why texts stopped.
 */
const STOP_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  // Added by Twilio to its defaults later; blocked by the gateway just the same.
  'REVOKE',
  'OPTOUT',
]);

export function isStopReply(body: string): boolean {
  return STOP_KEYWORDS.has(body.trim().toUpperCase());
}
