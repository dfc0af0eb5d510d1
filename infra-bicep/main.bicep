// Hoop Functions: the gateway as an Azure Functions app (.NET 10 isolated), secure by default.
//
//   monitoring          Log Analytics + Application Insights (Entra-only ingestion)
//   runtimeStorage      Functions host, Durable Task hub, deployment package (no shared keys)
//   journalStorage      audit journal (tables) + WORM anchor container, in its own account
//   keyVault            RBAC-only vault, soft delete + purge protection; notifier and sign-in secrets
//   functionApp*        Flex Consumption (default) or Elastic Premium; HTTPS only, TLS 1.2+, managed identity
//   functionAppSettings app settings (Key Vault references), Easy Auth (Entra ID), basic publishing off
//   roleAssignments     every grant, least privilege, in one file
//   network             optional: VNet integration + private endpoints for storage and Key Vault
//
// Deploy: docs/deploy.md. Verified in CI by tests/Hoop.Functions.Tests/Infra (bicep build, bicep lint, and the
// security properties asserted on the compiled template).

import { resourceTags, hostingPlanKind } from 'modules/types.bicep'

// :: Placement and names

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Prefix of resource names: 3-8 lower-case letters or digits (storage account names allow no more).')
@minLength(3)
@maxLength(8)
param namePrefix string = 'hoop'

@description('Tags for every resource.')
param tags resourceTags = {}

// :: Hosting

@description('FlexConsumption: scale to zero, pay per use (default). ElasticPremium: always-warm instances, no cold starts.')
param hostingPlan hostingPlanKind = 'FlexConsumption'

@description('Flex Consumption: ceiling on instances, so a flood of requests cannot become an unbounded bill (the plan accepts 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Elastic Premium: ceiling on instances of the plan (each one is billed while it runs).')
@minValue(1)
@maxValue(100)
param premiumMaximumInstanceCount int = 10

@description('Instances kept warm for HTTP (Flex Consumption: 0 = scale to zero; Elastic Premium: at least 1 is always used).')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('Flex Consumption: memory of one instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Elastic Premium: plan size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string = 'EP1'

// :: Identity and access

@description('Application (client) id of the Entra app registration for sign-in (App Service Authentication).')
@minLength(36)
@maxLength(36)
param authClientId string

@description('Client secret of that app registration. Written to Key Vault (easyauth-client-secret) when given; leave empty to set the secret by hand.')
@secure()
param authClientSecret string = ''

@description('Object id of the Entra group of auditors: read access to the audit journal and anchors.')
@minLength(36)
@maxLength(36)
param auditorsGroupObjectId string

@description('Object id of the identity that publishes the app package (CI), or empty. It gets Website Contributor on the app and write access to the package container only.')
param publisherPrincipalId string = ''

@description('Kind of the publisher identity.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param publisherPrincipalType string = 'ServicePrincipal'

// :: The gateway

@description('The policy YAML (connections, roles, rules, approvals, masking). The example parameters file loads it from a file.')
@minLength(1)
param policyYaml string

@description('Public base URL of the gateway (approval links, agent kubeconfigs). Empty = https://<app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Seconds an approval holds the agent\'s call before answering 403 "retry" (below the platform\'s 230 s cut).')
@minValue(1)
@maxValue(220)
param approvalHoldSeconds int = 60

@description('Durable Task hub name (letters and digits, 3-45, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'hoop'

@description('Send approval cards to a Teams workflow webhook (Key Vault secret teams-webhook-url).')
param teamsNotifications bool = false

@description('Teams workflow webhook URL. Written to Key Vault when given; leave empty to set the secret by hand.')
@secure()
param teamsWebhookUrl string = ''

@description('SMTP host for approval e-mail; empty = no e-mail.')
param smtpHost string = ''

@description('SMTP port (STARTTLS submission port by default).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Sender address of approval e-mail.')
param smtpFrom string = ''

@description('SMTP password. Written to Key Vault (smtp-password) when given; leave empty to set the secret by hand.')
@secure()
param smtpPassword string = ''

// :: Audit

@description('Redundancy of the journal account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param journalStorageSku string = 'Standard_GRS'

@description('Days each daily chain anchor stays immutable (WORM). Default: 7 years.')
@minValue(1)
@maxValue(146000)
param anchorRetentionDays int = 2557

@description('Set to true after locking the anchor container\'s immutability policy (docs/deploy.md), so redeployments leave the locked policy as it is.')
param anchorPolicyLocked bool = false

@description('Put a CanNotDelete lock on the journal account.')
param lockJournal bool = true

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

// :: Optional private networking

@description('Integrate the app with a new virtual network and reach storage and Key Vault only through private endpoints.')
param privateNetworking bool = false

@description('Address space of the virtual network.')
param vnetAddressPrefix string = '10.60.0.0/22'

@description('Subnet for the function app\'s outbound integration.')
param appSubnetPrefix string = '10.60.0.0/24'

@description('Subnet for the private endpoints.')
param privateEndpointSubnetPrefix string = '10.60.1.0/24'

// :: Names (stable per resource group)

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-gw-${suffix}'
var runtimeStorageName = take('${namePrefix}rt${suffix}', 24)
var journalStorageName = take('${namePrefix}audit${suffix}', 24)
var keyVaultName = take('${namePrefix}-kv-${suffix}', 24)
var deploymentContainerName = 'app-package'
var anchorContainerName = 'anchors'
var packageBlobName = 'hoop-functions.zip'
var appInsightsName = '${namePrefix}-appi-${suffix}'
var isFlex = hostingPlan == 'FlexConsumption'

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'hoop-network'
  params: {
    location: location
    vnetName: '${namePrefix}-vnet-${suffix}'
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    hostingPlan: hostingPlan
    tags: tags
  }
}

var privateNetworkIds = privateNetworking
  ? {
      appSubnetId: network!.outputs.appSubnetId
      privateEndpointSubnetId: network!.outputs.privateEndpointSubnetId
      dnsZoneIds: network!.outputs.dnsZoneIds
    }
  : null

module monitoring 'modules/monitoring.bicep' = {
  name: 'hoop-monitoring'
  params: {
    location: location
    workspaceName: '${namePrefix}-log-${suffix}'
    appInsightsName: appInsightsName
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module runtimeStorage 'modules/runtimeStorage.bicep' = {
  name: 'hoop-runtime-storage'
  params: {
    location: location
    accountName: runtimeStorageName
    deploymentContainerName: deploymentContainerName
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    network: privateNetworkIds
    tags: tags
  }
}

module journalStorage 'modules/journalStorage.bicep' = {
  name: 'hoop-journal-storage'
  params: {
    location: location
    accountName: journalStorageName
    skuName: journalStorageSku
    anchorContainerName: anchorContainerName
    anchorRetentionDays: anchorRetentionDays
    anchorPolicyLocked: anchorPolicyLocked
    lockAccount: lockJournal
    workspaceId: monitoring.outputs.workspaceId
    privateNetworking: privateNetworking
    network: privateNetworkIds
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'hoop-key-vault'
  params: {
    location: location
    vaultName: keyVaultName
    workspaceId: monitoring.outputs.workspaceId
    teamsWebhookUrl: teamsWebhookUrl
    smtpPassword: smtpPassword
    authClientSecret: authClientSecret
    privateNetworking: privateNetworking
    network: privateNetworkIds
    tags: tags
  }
}

module flexApp 'modules/functionAppFlex.bicep' = if (isFlex) {
  name: 'hoop-function-app-flex'
  params: {
    location: location
    appName: appName
    planName: '${namePrefix}-plan-${suffix}'
    deploymentContainerUrl: runtimeStorage.outputs.deploymentContainerUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyInstances: alwaysReadyInstances
    subnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    tags: tags
  }
}

module premiumApp 'modules/functionAppPremium.bicep' = if (!isFlex) {
  name: 'hoop-function-app-premium'
  params: {
    location: location
    appName: appName
    planName: '${namePrefix}-plan-${suffix}'
    skuName: premiumSku
    maximumInstanceCount: premiumMaximumInstanceCount
    alwaysReadyInstances: max(alwaysReadyInstances, 1)
    subnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    tags: tags
  }
}

var gatewayPrincipalId = isFlex ? flexApp!.outputs.principalId : premiumApp!.outputs.principalId
var defaultHostName = isFlex ? flexApp!.outputs.defaultHostName : premiumApp!.outputs.defaultHostName

module roleAssignments 'modules/roleAssignments.bicep' = {
  name: 'hoop-role-assignments'
  params: {
    gatewayPrincipalId: gatewayPrincipalId
    auditorsGroupObjectId: auditorsGroupObjectId
    publisherPrincipalId: publisherPrincipalId
    publisherPrincipalType: publisherPrincipalType
    appName: appName
    runtimeStorageName: runtimeStorageName
    deploymentContainerName: deploymentContainerName
    journalStorageName: journalStorageName
    anchorContainerName: anchorContainerName
    keyVaultName: keyVaultName
    appInsightsName: appInsightsName
  }
  // The names above are known before deployment (for What-If); the scopes must exist first (the runtime
  // storage and monitoring already come before the function app).
  dependsOn: [
    journalStorage
    keyVault
  ]
}

module appSettings 'modules/functionAppSettings.bicep' = {
  name: 'hoop-function-app-settings'
  params: {
    appName: appName
    hostingPlan: hostingPlan
    defaultHostName: defaultHostName
    publicBaseUrl: publicBaseUrl
    runtimeStorageName: runtimeStorage.outputs.accountName
    runtimeTableUri: runtimeStorage.outputs.tableServiceUri
    deploymentContainerUrl: runtimeStorage.outputs.deploymentContainerUrl
    packageBlobName: packageBlobName
    keyVaultName: keyVault.outputs.vaultName
    keyVaultUri: keyVault.outputs.vaultUri
    journalTableUri: journalStorage.outputs.tableServiceUri
    anchorContainerUri: journalStorage.outputs.anchorContainerUri
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    workspaceId: monitoring.outputs.workspaceId
    policyYaml: policyYaml
    approvalHoldSeconds: approvalHoldSeconds
    taskHubName: taskHubName
    teamsNotifications: teamsNotifications
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpFrom: smtpFrom
    authClientId: authClientId
  }
  // Key Vault references and identity-based storage resolve only once the identity holds its roles.
  dependsOn: [
    roleAssignments
  ]
}

@description('Function app name (publish.sh and az functionapp commands take it).')
output functionAppName string = appName

@description('Hosting plan of the function app (publish.sh picks the publishing path from it).')
output hostingPlan string = hostingPlan

@description('Gateway URL.')
output gatewayUrl string = 'https://${defaultHostName}'

@description('Redirect URI to register on the Entra app registration (Authentication > Web).')
output authRedirectUri string = 'https://${defaultHostName}/.auth/login/aad/callback'

@description('Key Vault name (connection credentials and notifier secrets go here).')
output keyVaultName string = keyVault.outputs.vaultName

@description('Runtime storage account (deployment package container: app-package).')
output runtimeStorageAccountName string = runtimeStorage.outputs.accountName

@description('Audit journal storage account (hoop audit ... --account).')
output journalStorageAccountName string = journalStorage.outputs.accountName

@description('Blob URL the Elastic Premium app runs from (publish.sh uploads the package here).')
output packageBlobUrl string = '${runtimeStorage.outputs.deploymentContainerUrl}/${packageBlobName}'
