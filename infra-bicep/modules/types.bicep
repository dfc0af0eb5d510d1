// Types shared by main.bicep and the modules.

@export()
@description('Resource tags: names to values.')
type resourceTags = {
  *: string
}

@export()
@description('Hosting plan of the function app.')
type hostingPlanKind = 'FlexConsumption' | 'ElasticPremium'

@export()
@description('Subnet ids when private networking is on; null when it is off.')
type privateNetwork = {
  @description('Subnet the function app integrates with (delegated to the plan).')
  appSubnetId: string

  @description('Subnet that holds the private endpoints.')
  privateEndpointSubnetId: string

  @description('Private DNS zone ids by service.')
  dnsZoneIds: privateDnsZoneIds
}?

@export()
@description('Private DNS zone ids by service.')
type privateDnsZoneIds = {
  blob: string
  queue: string
  table: string
  vault: string
}
