// Storage for the Functions runtime (host locks, keys), the Durable Task hub (queues, tables, blobs) and the
// deployment package container. No account keys: every client (the function app, the publisher) signs in with
// Entra ID, so `allowSharedKeyAccess` is false and the app settings hold no connection string.

import { resourceTags, privateNetwork } from 'types.bicep'

@description('Azure region.')
param location string

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Blob container that holds the app package.')
param deploymentContainerName string

@description('Log Analytics workspace for the storage diagnostic settings.')
param workspaceId string

@description('Reach the account only through private endpoints (known before deployment, so What-If can plan).')
param privateNetworking bool

@description('Private networking (subnets and DNS zones), or null for public endpoints guarded by Entra ID only.')
param network privateNetwork

@description('Tags for every resource.')
param tags resourceTags

var privateOnly = privateNetworking

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateOnly ? 'Deny' : 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Access logs (who read or wrote what) for each data service.
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queueService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: tableService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

module endpoints 'privateEndpoint.bicep' = [
  for service in (privateOnly ? ['blob', 'queue', 'table'] : []): {
    name: 'pe-${accountName}-${service}'
    params: {
      location: location
      name: 'pe-${accountName}-${service}'
      targetId: account.id
      groupId: service
      subnetId: network!.privateEndpointSubnetId
      dnsZoneId: network!.dnsZoneIds[service]
      tags: tags
    }
  }
]

@description('Storage account name.')
output accountName string = account.name

@description('Table service URI (the approval ledger).')
output tableServiceUri string = account.properties.primaryEndpoints.table

@description('URL of the deployment package container.')
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
