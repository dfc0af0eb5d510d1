// Every role assignment of the deployment, in one file, so a reviewer sees who may do what:
//
//   gateway (the function app's system-assigned identity)
//     runtime storage   Storage Blob Data Owner, Storage Queue Data Contributor, Storage Table Data Contributor
//                       (Functions host, Durable Task hub, approval ledger table, Flex deployment package)
//     journal account   Storage Table Data Contributor (append records; creates the monthly tables)
//     anchor container  Storage Blob Data Contributor (write the daily chain anchors; WORM keeps them)
//     key vault         Key Vault Secrets Officer (session records, signing and chain keys, credentials)
//     app insights      Monitoring Metrics Publisher (telemetry with Entra ID; local auth is off)
//   auditors group
//     journal account   Storage Table Data Reader, Storage Blob Data Reader
//   publisher (optional; CI that ships the app package)
//     function app      Website Contributor (deploy, restart)
//     deploy container  Storage Blob Data Contributor (upload the package)
//
// Nothing else is granted: no one gets a data role on the journal that can write, besides the gateway.
// The gateway's assignment names derive from the app's resource id (known before deployment), not from its
// principal id (known only after the app exists), so What-If can plan them.

@description('Object id of the gateway\'s managed identity.')
param gatewayPrincipalId string

@description('Object id of the Entra group of auditors.')
param auditorsGroupObjectId string

@description('Object id of the identity that publishes the app package, or empty.')
param publisherPrincipalId string

@description('Kind of the publisher identity.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param publisherPrincipalType string

@description('Function app name.')
param appName string

@description('Runtime storage account name.')
param runtimeStorageName string

@description('Deployment package container in the runtime storage account.')
param deploymentContainerName string

@description('Journal storage account name.')
param journalStorageName string

@description('WORM anchor container in the journal account.')
param anchorContainerName string

@description('Key Vault name.')
param keyVaultName string

@description('Application Insights component name.')
param appInsightsName string

// Built-in role definitions (ids are the same in every tenant).
resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource storageBlobDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource storageBlobDataReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storageTableDataReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '76199698-9eea-4c19-bc75-cec21354c6b6'
}

resource keyVaultSecretsOfficer 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource monitoringMetricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource websiteContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'de139f84-1756-47ae-9be6-808fbbe84772'
}

// The scopes.
resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: appName
}

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: runtimeStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deploymentContainer 'containers' existing = {
      name: deploymentContainerName
    }
  }
}

resource journalStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: journalStorageName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource anchorContainer 'containers' existing = {
      name: anchorContainerName
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// :: gateway -> runtime storage
resource gatewayRuntimeBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, site.id, storageBlobDataOwner.id)
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource gatewayRuntimeQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, site.id, storageQueueDataContributor.id)
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource gatewayRuntimeTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, site.id, storageTableDataContributor.id)
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// :: gateway -> journal
resource gatewayJournalTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: journalStorage
  name: guid(journalStorage.id, site.id, storageTableDataContributor.id)
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource gatewayAnchorBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: journalStorage::blobService::anchorContainer
  name: guid(journalStorage::blobService::anchorContainer.id, site.id, storageBlobDataContributor.id)
  properties: {
    roleDefinitionId: storageBlobDataContributor.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// :: gateway -> key vault, telemetry
resource gatewayVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, keyVaultSecretsOfficer.id)
  properties: {
    roleDefinitionId: keyVaultSecretsOfficer.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource gatewayTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, site.id, monitoringMetricsPublisher.id)
  properties: {
    roleDefinitionId: monitoringMetricsPublisher.id
    principalId: gatewayPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// :: auditors -> journal (read only)
resource auditorsJournalTable 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: journalStorage
  name: guid(journalStorage.id, auditorsGroupObjectId, storageTableDataReader.id)
  properties: {
    roleDefinitionId: storageTableDataReader.id
    principalId: auditorsGroupObjectId
    principalType: 'Group'
  }
}

resource auditorsJournalBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: journalStorage
  name: guid(journalStorage.id, auditorsGroupObjectId, storageBlobDataReader.id)
  properties: {
    roleDefinitionId: storageBlobDataReader.id
    principalId: auditorsGroupObjectId
    principalType: 'Group'
  }
}

// :: publisher (optional)
resource publisherSite 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(publisherPrincipalId)) {
  scope: site
  name: guid(site.id, publisherPrincipalId, websiteContributor.id)
  properties: {
    roleDefinitionId: websiteContributor.id
    principalId: publisherPrincipalId
    principalType: publisherPrincipalType
  }
}

resource publisherPackage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(publisherPrincipalId)) {
  scope: runtimeStorage::blobService::deploymentContainer
  name: guid(runtimeStorage::blobService::deploymentContainer.id, publisherPrincipalId, storageBlobDataContributor.id)
  properties: {
    roleDefinitionId: storageBlobDataContributor.id
    principalId: publisherPrincipalId
    principalType: publisherPrincipalType
  }
}
