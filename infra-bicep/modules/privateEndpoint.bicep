// One private endpoint for one sub-resource (blob, queue, table, vault) of a storage account or key vault,
// registered in its private DNS zone so the function app resolves the service to the private address.

import { resourceTags } from 'types.bicep'

@description('Azure region.')
param location string

@description('Private endpoint name.')
param name string

@description('Resource id of the storage account or key vault.')
param targetId string

@description('Sub-resource (group id): blob, queue, table or vault.')
@allowed([
  'blob'
  'queue'
  'table'
  'vault'
])
param groupId string

@description('Subnet that holds the private endpoints.')
param subnetId string

@description('Private DNS zone for this sub-resource.')
param dnsZoneId string

@description('Tags for every resource.')
param tags resourceTags

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource dnsGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: {
          privateDnsZoneId: dnsZoneId
        }
      }
    ]
  }
}
