// Delegate's Azure resources, deployed by `atk provision --env <env>` (m365agents.yml, arm/deploy)
// with infra/azure.parameters.<env>.json. Modelled on the Microsoft 365 Agents Toolkit's bot
// templates (a Linux App Service with a user-assigned managed identity and an Azure Bot), plus
// what Delegate needs in production: PostgreSQL (the shared store), Key Vault (every secret the
// app reads is a Key Vault reference) and Application Insights. docs/deploy.md explains each.
//
// test/deploy/app-settings.test.ts reads the appSettings list below: every setting the
// configuration (src/config.ts) needs in production must be there, and every name there must be
// one the app reads (or a platform setting it documents). Keep each entry as four lines
// ({, name, value, }) with comments only between entries: the test's parser reads that form.

@maxLength(20)
@minLength(4)
@description('Used to name every resource (letters and digits), e.g. delegatedev.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU: B1 for a pilot, P1v3 (or larger) to scale out.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(30)
@description('Instances of the web app; several share the PostgreSQL store (README "Scaling out").')
param instanceCount int = 1

@maxLength(42)
param botDisplayName string

@description('Client id of the bot\'s Entra app registration (aadApp/create writes BOT_ID).')
param botAadAppClientId string

@description('Its tenant (BOT_TENANT_ID): the bot is single-tenant.')
param botTenantId string

@secure()
@description('Its client secret (SECRET_BOT_PASSWORD, decrypted by the toolkit). Stored in Key Vault.')
param botAadAppClientSecret string

param oauthConnectionName string = 'delegate-sso'

@secure()
@description('The audit ledger\'s signing key, <id>:hmac-sha256:<base64> (generated at provision). Stored in Key Vault.')
param ledgerSigningKey string

@secure()
@description('Retired ledger keys after a rotation, comma-separated (SECRET_LEDGER_VERIFY_KEYS), or none (the word) until the first rotation.')
param ledgerVerifyKeys string = 'none'

@description('PostgreSQL administrator login. Delegate connects as it (docs/deploy.md, "Identity choices").')
param postgresAdminLogin string = 'delegate_admin'

@secure()
@description('Its password (generated at provision). Stored in Key Vault inside DATABASE_URL.')
param postgresAdminPassword string

@description('Flexible server compute tier and SKU: Burstable B1ms for a pilot, GeneralPurpose D2ds_v5 for production.')
param postgresSkuTier string = 'Burstable'
param postgresSkuName string = 'Standard_B1ms'
param postgresStorageSizeGB int = 32
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param postgresHighAvailability string = 'Disabled'
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7
@allowed([
  'Enabled'
  'Disabled'
])
param postgresGeoRedundantBackup string = 'Disabled'

@description('IANA time zone used when a Teams activity carries none (set in infra/azure.parameters.<env>.json).')
param defaultTimeZone string = 'UTC'

@description('The organisation\'s mail domains, comma-separated (TENANT_DOMAINS): addresses outside them count as external.')
param tenantDomains string

@description('Policy file, relative to the deployed app (e.g. policy/policy.yaml), or empty for the default policy (set in infra/azure.parameters.<env>.json).')
param policyFile string = ''

@allowed([
  'trace'
  'debug'
  'info'
  'warn'
  'error'
  'fatal'
])
param logLevel string = 'info'

var identityName = '${resourceBaseName}-id'
var keyVaultName = take('${resourceBaseName}-kv-${uniqueString(resourceGroup().id)}', 24)
var postgresServerName = '${resourceBaseName}-pg-${uniqueString(resourceGroup().id)}'
var databaseName = 'delegate'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

// ---------------------------------------------------------------- identity

// The web app's identity: reads Key Vault (the app settings' references). The bot itself
// authenticates with its app registration (BOT_TYPE=SingleTenant), because Teams SSO and the
// on-behalf-of exchange need an app registration with a secret anyway (docs/deploy.md).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

// ---------------------------------------------------------------- monitoring

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// ---------------------------------------------------------------- PostgreSQL

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    // Delegate's store connects with a password (src/store/pg-connect.ts has no Entra token
    // support yet), so password authentication stays on; the password lives in Key Vault.
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: postgresGeoRedundantBackup
    }
    highAvailability: {
      mode: postgresHighAvailability
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Public access limited to Azure services (the App Service's outbound addresses). For a private
// network, put the server and the app in a virtual network instead (docs/deploy.md).
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// ---------------------------------------------------------------- Key Vault

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

// The password is URL-encoded: DATABASE_URL is parsed as a URL.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}'
  }
}

resource ledgerSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'ledger-signing-key'
  properties: {
    value: ledgerSigningKey
  }
}

// A Key Vault secret cannot be empty: a single space reads as "unset" in Delegate's config.
resource ledgerVerifyKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'ledger-verify-keys'
  properties: {
    value: empty(ledgerVerifyKeys) || ledgerVerifyKeys == 'none' ? ' ' : ledgerVerifyKeys
  }
}

// ---------------------------------------------------------------- App Service

resource serverfarm 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

var keyVaultUri = keyVault.properties.vaultUri

resource webApp 'Microsoft.Web/sites@2023-01-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (it holds Secrets User).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // Liveness only: /healthz never touches the database (README "Scaling out").
      healthCheckPath: '/healthz'
      appSettings: [
        // ---- platform (App Service), not read by Delegate. zip deploy uploads dist/, cards/,
        // package.json and package-lock.json; Oryx then runs CUSTOM_BUILD_COMMAND on the
        // server (not `npm run build`: dist/ is built already), so native modules
        // (better-sqlite3) are built for Linux and Node 22, whatever machine ran `atk deploy`.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          name: 'CUSTOM_BUILD_COMMAND'
          value: 'npm ci --omit=dev --no-audit --no-fund'
        }
        // ---- the bot (src/config.ts)
        {
          name: 'BOT_ID'
          value: botAadAppClientId
        }
        {
          name: 'BOT_PASSWORD'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/bot-password/)'
        }
        {
          name: 'BOT_TYPE'
          value: 'SingleTenant'
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        // ---- Microsoft Graph, as the requester (docs/identity.md)
        {
          name: 'DELEGATE_GRAPH'
          value: 'microsoft'
        }
        {
          name: 'GRAPH_AUTH'
          value: 'obo'
        }
        {
          name: 'OAUTH_CONNECTION_NAME'
          value: oauthConnectionName
        }
        // ---- the store: PostgreSQL, shared by every instance
        {
          name: 'DATABASE_URL'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/database-url/)'
        }
        {
          name: 'DATABASE_SSL'
          value: 'verify-full'
        }
        // ---- the audit ledger (docs/security.md)
        {
          name: 'LEDGER_SIGNING_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/ledger-signing-key/)'
        }
        {
          name: 'LEDGER_VERIFY_KEYS'
          value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/ledger-verify-keys/)'
        }
        // ---- behaviour
        {
          name: 'TENANT_DOMAINS'
          value: tenantDomains
        }
        {
          name: 'DEFAULT_TIME_ZONE'
          value: defaultTimeZone
        }
        {
          name: 'POLICY_FILE'
          value: policyFile
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        // ---- telemetry (exported to Application Insights when set)
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  dependsOn: [
    secretsUser
    botPasswordSecret
    databaseUrlSecret
    ledgerSigningKeySecret
    ledgerVerifyKeysSecret
    database
  ]
}

// ---------------------------------------------------------------- Azure Bot

module azureBot './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: resourceBaseName
    botDisplayName: botDisplayName
    botDomain: webApp.properties.defaultHostName
    botAadAppClientId: botAadAppClientId
    botTenantId: botTenantId
    botAadAppClientSecret: botAadAppClientSecret
    oauthConnectionName: oauthConnectionName
  }
}

// Written back into env/.env.<env> by arm/deploy (https://aka.ms/teamsfx-actions/arm-deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output OAUTH_CONNECTION_NAME string = azureBot.outputs.OAUTH_CONNECTION_NAME
output POSTGRES_SERVER_NAME string = postgres.name
output KEY_VAULT_NAME string = keyVault.name
