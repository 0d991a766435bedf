/** How this deployment signs people in, from the web server's /config.json. */
export interface WebConfig {
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scope: string;
    readonly audience?: string;
  } | null;
  readonly devSignIn: boolean;
}

let loaded: Promise<WebConfig> | undefined;

export function webConfig(): Promise<WebConfig> {
  loaded ??= fetch('/config.json').then((r) => r.json() as Promise<WebConfig>);
  return loaded;
}
