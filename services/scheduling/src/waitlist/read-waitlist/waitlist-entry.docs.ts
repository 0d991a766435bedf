/** The PHI of one waitlist entry as the API returns it. */
export const WAITLIST_ENTRY_PHI =
  'the waitlist entry: patient, clinic and provider ids, visit type, the time the patient waits to beat, when they joined (and left), and the slots offered to them';
