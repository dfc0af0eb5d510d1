// A file that breaks two linter rules on purpose (an unused parameter, a hard-coded environment URL).
// BicepBuildTests lints it next to a copy of infra-bicep/bicepconfig.json and expects errors, not warnings:
// proof that the configuration the real templates are linted with is in force.
param unusedOnPurpose string

output endpoint string = 'https://management.azure.com/'
