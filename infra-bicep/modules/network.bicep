// Optional private networking: a virtual network with one subnet for the function app's outbound integration and
// one for private endpoints, and the private DNS zones that make storage and Key Vault resolve to them.

import { resourceTags, hostingPlanKind, privateDnsZoneIds } from 'types.bicep'

@description('Azure region.')
param location string

@description('Virtual network name.')
param vnetName string

@description('Address space of the virtual network.')
param addressPrefix string

@description('Subnet for the function app (delegated to the hosting plan).')
param appSubnetPrefix string

@description('Subnet for the private endpoints.')
param privateEndpointSubnetPrefix string

@description('Hosting plan: it decides the delegation of the app subnet.')
param hostingPlan hostingPlanKind

@description('Tags for every resource.')
param tags resourceTags

// Flex Consumption integrates through Microsoft.App/environments; Elastic Premium through Microsoft.Web/serverFarms.
var appSubnetDelegation = hostingPlan == 'FlexConsumption' ? 'Microsoft.App/environments' : 'Microsoft.Web/serverFarms'

var storageSuffix = environment().suffixes.storage
// privatelink.vaultcore.azure.net in the public cloud, the matching zone elsewhere.
var vaultZone = 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
var zoneNames = {
  blob: 'privatelink.blob.${storageSuffix}'
  queue: 'privatelink.queue.${storageSuffix}'
  table: 'privatelink.table.${storageSuffix}'
  vault: vaultZone
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: '${vnetName}-nsg'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          networkSecurityGroup: {
            id: nsg.id
          }
          delegations: [
            {
              name: 'app'
              properties: {
                serviceName: appSubnetDelegation
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          networkSecurityGroup: {
            id: nsg.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in items(zoneNames): {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in items(zoneNames): {
    parent: zones[i]
    name: vnetName
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

@description('Subnet the function app integrates with.')
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')

@description('Subnet for private endpoints.')
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'private-endpoints')

@description('Private DNS zone ids by service.')
output dnsZoneIds privateDnsZoneIds = {
  blob: zones[0].id
  queue: zones[1].id
  table: zones[2].id
  vault: zones[3].id
}
