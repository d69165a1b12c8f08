import type restify from 'restify';
import type { Logger } from '../engine/ports';
import type { TabUser } from './identity';
import { LocalSessions } from './local-session';
import { mountTab } from './routes';
import { ssoAuthenticator } from './sso-token';
import { TabService, type TabServiceDeps } from './tab-service';

export interface TabOptions extends TabServiceDeps {
  /** Local mode: sign in as one of these people (the sandbox directory). Absent: Teams SSO. */
  readonly localPeople?: readonly TabUser[];
  /** Teams mode: what the SSO token must say (see src/config.ts `tab`). */
  readonly sso?: {
    readonly audience?: string;
    readonly clientId: string;
    readonly tenantId?: string;
    readonly jwksUrl: string;
  };
  readonly directory: string;
  readonly logger: Logger;
}

/** The Tasks tab, ready to mount on the bot's server: its API with the right sign-in for the mode, and its front end. */
export function tabMount(options: TabOptions): (server: restify.Server) => void {
  const service = new TabService(options);
  const people = options.localPeople;
  const sessions = people ? new LocalSessions(() => options.clock.now()) : undefined;
  const audience = options.sso?.audience;
  if (!people && !audience)
    options.logger.warn(
      { event: 'tab_without_sso' },
      'BOT_DOMAIN is not set, so the Tasks tab cannot check Teams SSO tokens and refuses every call',
    );
  const authenticate =
    sessions?.authenticate ??
    (audience && options.sso
      ? ssoAuthenticator({ ...options.sso, audience, now: () => options.clock.now() })
      : async () => ({ ok: false as const, reason: 'sso_not_configured' }));
  return (server) =>
    mountTab(server, {
      service,
      authenticate,
      local: sessions && people ? { sessions, people: () => people } : undefined,
      directory: options.directory,
      logger: options.logger,
    });
}
