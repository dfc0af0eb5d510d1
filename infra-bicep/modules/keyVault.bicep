// Key Vault for the gateway: session-token records, the link-signing and chain keys, connection credentials
// (conn-*), and the notifier and sign-in secrets that app settings reference (Key Vault references).
// Access is Azure RBAC only (no access policies); deleted secrets and the vault itself stay recoverable for
// 90 days and cannot be purged early (purge protection cannot be turned off again).

import { resourceTags, privateNetwork } from 'types.bicep'

@description('Azure region.')
param location string

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Log Analytics workspace for the audit log of the vault.')
param workspaceId string

@description('Teams workflow webhook URL; written to the secret teams-webhook-url when not empty.')
@secure()
param teamsWebhookUrl string

@description('SMTP password; written to the secret smtp-password when not empty.')
@secure()
param smtpPassword string

@description('Client secret of the sign-in app registration; written to the secret easyauth-client-secret when not empty.')
@secure()
param authClientSecret string

@description('Reach the account only through private endpoints (known before deployment, so What-If can plan).')
param privateNetworking bool

@description('Private networking (subnets and DNS zones), or null for a public endpoint guarded by Entra ID only.')
param network privateNetwork

@description('Tags for every resource.')
param tags resourceTags

var privateOnly = privateNetworking

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'None'
      defaultAction: privateOnly ? 'Deny' : 'Allow'
    }
  }
}

// Secrets come from secure parameters only when given; otherwise they are set once by hand (docs/deploy.md),
// and a redeployment without the value leaves the stored secret as it is.
resource teamsWebhookSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: 'teams-webhook-url'
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource authClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(authClientSecret)) {
  parent: vault
  name: 'easyauth-client-secret'
  properties: {
    value: authClientSecret
    contentType: 'text/plain'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        // allLogs holds AuditEvent: every secret read, write and delete, by whom.
        categoryGroup: 'allLogs'
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

module endpoint 'privateEndpoint.bicep' = if (privateOnly) {
  name: 'pe-${vaultName}-vault'
  params: {
    location: location
    name: 'pe-${vaultName}-vault'
    targetId: vault.id
    groupId: 'vault'
    subnetId: network!.privateEndpointSubnetId
    dnsZoneId: network!.dnsZoneIds.vault
    tags: tags
  }
}

@description('Key Vault name.')
output vaultName string = vault.name

@description('Key Vault URI (https://NAME.vault.azure.net/).')
output vaultUri string = vault.properties.vaultUri
