/**
 * Where a person lands after signing in, from the sign-in page's `returnTo`: a path of this
 * site only, so a crafted link cannot send a freshly signed-in person elsewhere.
 */
export function safeReturnTo(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return undefined;
  return value;
}
