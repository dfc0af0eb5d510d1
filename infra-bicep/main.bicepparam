// Example parameters: copy, fill in the ids, and deploy with
//   az deployment group create -g RG -f infra-bicep/main.bicep -p infra-bicep/main.bicepparam
// Secrets are read from environment variables at deployment time, so they never sit in this file; leave one
// unset to keep the value already stored in Key Vault (or to set it by hand, docs/deploy.md).
using 'main.bicep'

param namePrefix = 'hoop'

param hostingPlan = 'FlexConsumption'
param maximumInstanceCount = 40
param alwaysReadyInstances = 0

// Entra ID: the app registration for sign-in and the auditors group (object ids, not names).
param authClientId = '00000000-0000-0000-0000-000000000001'
param authClientSecret = readEnvironmentVariable('HOOP_AUTH_CLIENT_SECRET', '')
param auditorsGroupObjectId = '00000000-0000-0000-0000-00000000000c'

// The CI identity that publishes the app (optional).
param publisherPrincipalId = ''

param policyYaml = loadTextContent('policy.example.yaml')
param approvalHoldSeconds = 60
param taskHubName = 'hoop'

param teamsNotifications = true
param teamsWebhookUrl = readEnvironmentVariable('HOOP_TEAMS_WEBHOOK_URL', '')

param smtpHost = 'smtp.example.com'
param smtpPort = 587
param smtpFrom = 'hoop-approvals@example.com'
param smtpPassword = readEnvironmentVariable('HOOP_SMTP_PASSWORD', '')

// After the one-time lock of the anchor container's WORM policy (docs/deploy.md), set this to true.
param anchorPolicyLocked = false

param privateNetworking = false
