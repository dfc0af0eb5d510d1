// What the function app is told and who may call it, the same on both hosting plans:
//  - app settings: the gateway's own (hoopSettings, one per constant of Hosting/SettingNames.cs, `:` written `__`),
//    the runtime's (identity-based storage, Entra-authenticated telemetry) and, on Elastic Premium only,
//    the run-from-package settings. Secrets are Key Vault references, never values.
//  - App Service Authentication (Easy Auth) with Entra ID on every route except the ones the gateway
//    authenticates itself (/k8s/*: session tokens; /saml/acs: signed SAML responses) and /healthz.
//  - FTP and SCM basic (user name + password) publishing off.
// Infra/SettingNamesTests cross-checks hoopSettings with SettingNames.cs; keep the unconditional settings in the
// literal variables below, so the compiled template names them.

import { hostingPlanKind } from 'types.bicep'

@description('Function app name.')
param appName string

@description('Hosting plan of the function app.')
param hostingPlan hostingPlanKind

@description('Default host name of the app, for the public base URL when none is given.')
param defaultHostName string

@description('Public base URL of the gateway (approval links, agent kubeconfigs); empty = https://<default host name>.')
param publicBaseUrl string

@description('Runtime storage account (AzureWebJobsStorage, Durable Task hub).')
param runtimeStorageName string

@description('Table service URI of the runtime storage account (the approval ledger lives there, beside the Durable Task hub).')
param runtimeTableUri string

@description('URL of the blob container with the app package (Elastic Premium runs from it).')
param deploymentContainerUrl string

@description('Blob name of the app package in the deployment container (Elastic Premium).')
param packageBlobName string

@description('Key Vault name (for Key Vault references).')
param keyVaultName string

@description('Key Vault URI.')
param keyVaultUri string

@description('Table service URI of the audit journal.')
param journalTableUri string

@description('URL of the WORM anchor container.')
param anchorContainerUri string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Log Analytics workspace for the function app\'s logs.')
param workspaceId string

@description('The policy YAML.')
param policyYaml string

@description('Seconds an approval holds the agent\'s call.')
@minValue(1)
@maxValue(220)
param approvalHoldSeconds int

@description('Durable Task hub name.')
param taskHubName string

@description('Send approval cards to Teams (reads the Key Vault secret teams-webhook-url).')
param teamsNotifications bool

@description('SMTP host for approval e-mail; empty = no e-mail.')
param smtpHost string

@description('SMTP port.')
param smtpPort int

@description('SMTP sender address.')
param smtpFrom string

@description('Application (client) id of the Entra app registration used for sign-in.')
param authClientId string

var isFlex = hostingPlan == 'FlexConsumption'
var smtpEnabled = !empty(smtpHost)

// A Key Vault reference: the platform resolves it with the app's managed identity; the value never appears in the
// app settings, the template or the deployment history.
var kvRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

// The gateway's settings (Hosting/SettingNames.cs). Optional ones are marked [OptionalSetting] there instead.
// A feature that is off gets an empty value, which the gateway reads as "not configured".
var hoopSettings = {
  Hoop__Policy: policyYaml
  Hoop__KeyVault__Uri: keyVaultUri
  Hoop__Journal__TableServiceUri: journalTableUri
  Hoop__Journal__AnchorContainerUri: anchorContainerUri
  Hoop__Approvals__HoldSeconds: string(approvalHoldSeconds)
  // The approval ledger (consume once, pending cap, link use) on the runtime account, whose Table Data Contributor
  // role the Durable Task hub already needs: no new grant, and the journal account keeps only the insert-only journal.
  Hoop__Approvals__Ledger__TableServiceUri: runtimeTableUri
  Hoop__Approvals__TeamsWebhookUrl: teamsNotifications ? '${kvRef}teams-webhook-url)' : ''
  Hoop__Approvals__Smtp__Host: smtpHost
  Hoop__Approvals__Smtp__Port: smtpEnabled ? string(smtpPort) : ''
  Hoop__Approvals__Smtp__From: smtpFrom
  Hoop__Approvals__Smtp__Password: smtpEnabled ? '${kvRef}smtp-password)' : ''
  Hoop__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${defaultHostName}' : publicBaseUrl
  // Sign-in: the gateway validates Entra ID tokens itself (discovery + JWKS), names people by their object id, and
  // trusts Easy Auth's principal header because Easy Auth is on (authSettings below); never on /k8s/*.
  Hoop__Identity__Oidc__Issuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
  Hoop__Identity__Oidc__Audience: 'api://${authClientId},${authClientId}'
  Hoop__Identity__Oidc__UserClaim: 'oid'
  Hoop__Identity__EasyAuth__Enabled: 'true'
  HOOP_TASK_HUB: taskHubName
}

// The runtime's settings, on both plans.
var runtimeSettings = {
  // Identity-based host storage: account name only, no connection string, no key. Durable Functions (Azure
  // Storage provider) uses the same connection.
  AzureWebJobsStorage__accountName: runtimeStorageName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // Local auth is off on Application Insights: the host sends telemetry with the managed identity's token.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  // Easy Auth's client secret (authsettingsV2 below names this setting).
  MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '${kvRef}easyauth-client-secret)'
}

// Elastic Premium only; Flex Consumption takes these from functionAppConfig and refuses them as settings.
var elasticPremiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  // Run from the package blob, fetched with the system-assigned identity: no Azure Files share, no SAS.
  WEBSITE_RUN_FROM_PACKAGE: '${deploymentContainerUrl}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
}

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: appName
}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(runtimeSettings, hoopSettings, isFlex ? {} : elasticPremiumSettings)
}

resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
      runtimeVersion: '~1'
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      // A trailing /* excludes the path and everything below it. Keep this list short: every entry is a route
      // that must authenticate its callers itself.
      excludedPaths: [
        '/k8s/*'
        '/saml/acs'
        '/healthz'
      ]
    }
    httpSettings: {
      requireHttps: true
      routes: {
        apiPrefix: '/.auth'
      }
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: authClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
    login: {
      // The gateway needs the signed-in principal, not the user's tokens: keep none on the platform.
      tokenStore: {
        enabled: false
      }
      preserveUrlFragmentsForLogins: false
      nonce: {
        validateNonce: true
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}
