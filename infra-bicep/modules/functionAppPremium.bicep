// The function app on an Elastic Premium plan (Linux): at least one warm instance, so no cold starts, and a
// ceiling on the burst. No Azure Files content share (it would need an account key): the app runs from the package
// blob named in WEBSITE_RUN_FROM_PACKAGE, fetched with its managed identity (see functionAppSettings.bicep).

import { resourceTags } from 'types.bicep'

@description('Azure region.')
param location string

@description('Function app name.')
param appName string

@description('Hosting plan name.')
param planName string

@description('Elastic Premium size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param skuName string

@description('Upper bound on instances of the plan (Elastic Premium allows up to 100).')
@minValue(1)
@maxValue(100)
param maximumInstanceCount int

@description('Instances that are always running (at least 1 on Elastic Premium).')
@minValue(1)
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
  kind: 'elastic'
  sku: {
    tier: 'ElasticPremium'
    name: skuName
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumInstanceCount
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
    // With VNet integration, all outbound traffic (storage, Key Vault, the package fetch) takes the VNet.
    outboundVnetRouting: {
      allTraffic: !empty(subnetId)
    }
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      remoteDebuggingEnabled: false
      functionAppScaleLimit: maximumInstanceCount
      minimumElasticInstanceCount: alwaysReadyInstances
    }
  }
}

@description('Function app name.')
output appName string = site.name

@description('Object id of the app\'s system-assigned managed identity (the gateway identity).')
output principalId string = site.identity.principalId

@description('Default host name (NAME.azurewebsites.net).')
output defaultHostName string = site.properties.defaultHostName
