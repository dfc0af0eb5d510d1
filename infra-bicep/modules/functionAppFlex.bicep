// The function app on the Flex Consumption plan: scale to zero, pay per execution, a hard ceiling on instances.
// The runtime (.NET 10 isolated) and the scale limits live in functionAppConfig; Flex rejects the older
// app settings and siteConfig properties for them (FUNCTIONS_WORKER_RUNTIME, linuxFxVersion, ...).
// The package is pulled from the deployment container with the app's own identity.

import { resourceTags } from 'types.bicep'

@description('Azure region.')
param location string

@description('Function app name.')
param appName string

@description('Hosting plan name.')
param planName string

@description('URL of the blob container that holds the app package.')
param deploymentContainerUrl string

@description('Upper bound on instances: a flood of requests stops here instead of growing the bill.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of one instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Instances kept warm for the HTTP functions (0 = scale to zero, with cold starts).')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int

@description('Subnet for outbound virtual network integration, or empty for none.')
param subnetId string

@description('Tags for every resource.')
param tags resourceTags

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyInstances == 0
          ? []
          : [
              {
                name: 'http'
                instanceCount: alwaysReadyInstances
              }
            ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

@description('Function app name.')
output appName string = site.name

@description('Object id of the app\'s system-assigned managed identity (the gateway identity).')
output principalId string = site.identity.principalId

@description('Default host name (NAME.azurewebsites.net).')
output defaultHostName string = site.properties.defaultHostName
