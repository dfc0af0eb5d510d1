// Log Analytics + workspace-based Application Insights.
// Local (instrumentation-key) authentication is off: telemetry is accepted only with an Entra token, which the
// function app gets from its managed identity (Monitoring Metrics Publisher, granted in roleAssignments.bicep).

import { resourceTags } from 'types.bicep'

@description('Azure region.')
param location string

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Days Log Analytics keeps logs (Key Vault and storage access logs included).')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags for every resource.')
param tags resourceTags

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

@description('Resource id of the Log Analytics workspace (target of every diagnostic setting).')
output workspaceId string = workspace.id

@description('Application Insights connection string (not a credential: local authentication is disabled).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Application Insights component name.')
output appInsightsName string = appInsights.name
