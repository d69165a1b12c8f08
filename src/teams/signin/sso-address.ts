/**
 * Delegate's one Teams SSO address: the Application ID URI of its Entra app registration, the
 * audience of the tokens Teams issues for it. The same address is
 * `webApplicationInfo.resource` in appPackage/manifest.json, the first `identifierUris` entry
 * in aad.manifest.json, the OAuth connection's token exchange URL (infra/botRegistration/
 * azurebot.bicep) and what docs/identity.md tells an administrator; test/deploy/sso-address.test.ts
 * keeps them in step. The host form (`api://<domain>/botid-<id>`, not `api://botid-<id>`) is the
 * one the toolkit's templates use for an app with a bot and a tab: a tab's SSO token is only
 * issued for an address on the tab's own domain.
 */
export function ssoApplicationIdUri(botDomain: string, botId: string): string {
  return `api://${botDomain}/botid-${botId}`;
}
