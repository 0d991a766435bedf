/** Where proof is kept (an LMS record, a scanned certificate): a URI, as the contract says. */
export const EVIDENCE = /^[a-z][a-z0-9+.-]*:[^\s]{1,500}$/;
export const EVIDENCE_MESSAGE = 'evidenceRef must be a URI such as lms://attempts/4711';
