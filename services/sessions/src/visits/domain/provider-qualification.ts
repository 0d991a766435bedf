/*
 * What a provider must hold to run a visit where the patient is: a state licence active that
 * day and a current telehealth credential. The facts come from the directory and from
 * training, through the read models; the instant from the command. Pure.
 */

/** A licence to practise in one state, valid through `expiresOn` (YYYY-MM-DD, UTC). */
export interface StateLicence {
  readonly state: string;
  readonly number: string;
  readonly expiresOn: string;
}

/** A staff member's telehealth credential, as training's events last stated it. */
export type StaffCredential =
  | { readonly status: 'current'; readonly validUntil: string }
  | {
      readonly status: 'lapsed';
      readonly cause: string;
      /** When it lapsed; absent on records kept before it was. */
      readonly lapsedAt?: string;
    };

/** A fact the command carries, or `not-checked` when a development setting turned its check off. */
export type Checked<T> = T | 'not-checked';

/** The incoming provider of a transfer, as the read models know them. */
export interface ProviderStanding {
  /** `undefined`: no credential on record. */
  readonly credential: Checked<StaffCredential | undefined>;
  readonly licences: Checked<readonly StateLicence[]>;
}

/** The licence in `state` that is active at `at`, if the provider holds one. */
export function activeLicenceIn(
  licences: readonly StateLicence[],
  state: string,
  at: string,
): StateLicence | undefined {
  const day = new Date(at).toISOString().slice(0, 10);
  return licences.find((licence) => licence.state === state && day <= licence.expiresOn);
}

/** Why the credential does not let its holder run a visit at `at`, or undefined when it does. */
export function credentialProblem(
  credential: StaffCredential | undefined,
  at: string,
): string | undefined {
  if (!credential) return 'has no telehealth credential on record';
  if (credential.status === 'lapsed')
    return `has a lapsed telehealth credential (${credential.cause})`;
  if (Date.parse(credential.validUntil) <= Date.parse(at))
    return 'has an expired telehealth credential';
  return undefined;
}
