// The Azure Bot resource: Delegate's registration with the Bot Framework, its Microsoft Teams
// channel, and the OAuth connection the token service keeps people's Teams SSO tokens in.
// Deployed by infra/azure.bicep (m365agents.yml) and on its own for local debugging
// (m365agents.local.yml, with a dev tunnel as the messaging endpoint).

@maxLength(64)
@minLength(2)
@description('Name of the Azure Bot resource.')
param botServiceName string

@maxLength(42)
param botDisplayName string

@description('F0 (free) or S1.')
param botServiceSku string = 'F0'

@description('Public host name Delegate answers on (no scheme), e.g. delegate-dev.azurewebsites.net.')
param botDomain string

@description('Client id of the bot\'s Entra app registration (BOT_ID).')
param botAadAppClientId string

@description('The Entra tenant of that app registration (BOT_TENANT_ID): the bot is single-tenant.')
param botTenantId string

@secure()
@description('Client secret of that app registration, for the OAuth connection.')
param botAadAppClientSecret string

@description('Name of the OAuth connection; Delegate reads it from OAUTH_CONNECTION_NAME.')
param oauthConnectionName string = 'delegate-sso'

@description('Scopes the token service asks for when it exchanges a person\'s Teams SSO token. Delegate exchanges the stored token on-behalf-of for Graph itself, so by default this is Delegate\'s own access_as_user scope (docs/identity.md).')
param oauthConnectionScopes string = ''

// The one SSO address (Application ID URI): the same in appPackage/manifest.json
// (webApplicationInfo.resource), aad.manifest.json (identifierUris) and docs/identity.md;
// test/deploy/sso-address.test.ts keeps them in step.
var ssoApplicationIdUri = 'api://${botDomain}/botid-${botAadAppClientId}'
// By default the token service keeps a token for Delegate's own API (access_as_user), which
// Delegate exchanges on-behalf-of for Graph. The scope names the app by its client id, not its
// api:// URI: Entra lets an app ask for a token for itself only in that form (AADSTS90009).
var scopes = empty(oauthConnectionScopes) ? 'openid profile offline_access ${botAadAppClientId}/access_as_user' : oauthConnectionScopes

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botDomain}/api/messages'
    msaAppId: botAadAppClientId
    // Azure creates no new multi-tenant bots: Delegate's config runs it as BOT_TYPE=SingleTenant.
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// "Azure Active Directory v2" connection. tokenExchangeUrl must equal the SSO address, or the
// token service refuses the token Teams hands over in signin/tokenExchange.
resource ssoConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = {
  parent: botService
  name: oauthConnectionName
  location: 'global'
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
    clientId: botAadAppClientId
    clientSecret: botAadAppClientSecret
    scopes: scopes
    parameters: [
      {
        key: 'tenantID'
        value: botTenantId
      }
      {
        key: 'tokenExchangeUrl'
        value: ssoApplicationIdUri
      }
    ]
  }
}

output OAUTH_CONNECTION_NAME string = oauthConnectionName
