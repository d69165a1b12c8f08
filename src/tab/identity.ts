/** Who is using the Tasks tab: from a verified Teams SSO token, or a local sign-in's signed cookie. */
export interface TabUser {
  /** Entra object id: the same id activities carry as `from.aadObjectId`. */
  readonly id: string;
  readonly name: string;
  readonly tenantId?: string;
}

/** The result of checking a request's credentials; `reason` is a fixed word for logs and the audit. */
export type TabIdentity =
  { readonly ok: true; readonly user: TabUser } | { readonly ok: false; readonly reason: string };

/** The credentials of one API request, as the tab sends them (never the query string or body). */
export interface TabCredentials {
  readonly authorization?: string;
  readonly cookie?: string;
}

/** Checks a request's credentials; one per mode (Teams SSO, or local sign-in). */
export type TabAuthenticator = (credentials: TabCredentials) => Promise<TabIdentity>;
