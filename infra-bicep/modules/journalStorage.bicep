// The audit journal: its own storage account, separate from the runtime's, so that the roles on it can be read
// at a glance (roleAssignments.bicep): the gateway appends records (tables) and anchors (one blob container),
// the auditors group reads, nobody holds a key. The daily chain anchors go to a container under a time-based
// retention (WORM) policy: a blob written there cannot be changed or deleted until the retention ends.

import { resourceTags, privateNetwork } from 'types.bicep'

@description('Azure region.')
param location string

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Redundancy of the journal account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container for the daily chain anchors (WORM).')
param anchorContainerName string

@description('Days an anchor blob stays immutable after it is written.')
@minValue(1)
@maxValue(146000)
param anchorRetentionDays int

@description('True once the anchor policy has been locked (docs/deploy.md): a locked policy refuses updates, so the template leaves it alone.')
param anchorPolicyLocked bool

@description('Put a CanNotDelete lock on the journal account, so deleting it takes a deliberate second step.')
param lockAccount bool

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
    name: skuName
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
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 30
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource anchorContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: anchorContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Time-based retention on the whole container. ARM creates it unlocked (it cannot lock it); docs/deploy.md has the
// one-time `az storage container immutability-policy lock` step, after which nobody can shorten or remove it.
// A locked policy refuses the template's update, so after locking, anchorPolicyLocked = true skips it.
resource anchorImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!anchorPolicyLocked) {
  parent: anchorContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: anchorRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  scope: account
  name: 'audit-journal-no-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Audit journal of the Hoop gateway. Remove this lock only when the retention period has ended.'
  }
}

// Every read and write of the journal is itself logged (who exported what, and when).
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

module endpoints 'privateEndpoint.bicep' = [
  for service in (privateOnly ? ['table', 'blob'] : []): {
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

@description('Table service endpoint of the journal.')
output tableServiceUri string = account.properties.primaryEndpoints.table

@description('URL of the WORM anchor container.')
output anchorContainerUri string = '${account.properties.primaryEndpoints.blob}${anchorContainer.name}'
