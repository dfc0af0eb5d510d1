namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// Least privilege, as deployed: the exact set of role assignments (who, which built-in role, on which scope).
/// A new grant fails these tests until it is added to the table below, on purpose.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class RoleAssignmentsTests(BicepCompilation compilation)
{
    // Built-in role definition ids (the same in every tenant).
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string BlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string TableDataReader = "76199698-9eea-4c19-bc75-cec21354c6b6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string WebsiteContributor = "de139f84-1756-47ae-9be6-808fbbe84772";

    private const string RuntimeAccount = "[resourceId('Microsoft.Storage/storageAccounts', parameters('runtimeStorageName'))]";
    private const string DeploymentContainer = "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('runtimeStorageName'), 'default', parameters('deploymentContainerName'))]";
    private const string JournalAccount = "[resourceId('Microsoft.Storage/storageAccounts', parameters('journalStorageName'))]";
    private const string AnchorContainer = "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('journalStorageName'), 'default', parameters('anchorContainerName'))]";
    private const string Vault = "[resourceId('Microsoft.KeyVault/vaults', parameters('keyVaultName'))]";
    private const string AppInsights = "[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]";
    private const string Site = "[resourceId('Microsoft.Web/sites', parameters('appName'))]";

    private readonly ArmTemplate _template = compilation.Template;

    public static TheoryData<string, string, string, string, bool> Expected => new()
    {
        // principal parameter, role, scope, principal type, only when the principal is given
        { "gatewayPrincipalId", BlobDataOwner, RuntimeAccount, "ServicePrincipal", false },
        { "gatewayPrincipalId", QueueDataContributor, RuntimeAccount, "ServicePrincipal", false },
        { "gatewayPrincipalId", TableDataContributor, RuntimeAccount, "ServicePrincipal", false },
        { "gatewayPrincipalId", TableDataContributor, JournalAccount, "ServicePrincipal", false },
        { "gatewayPrincipalId", BlobDataContributor, AnchorContainer, "ServicePrincipal", false },
        { "gatewayPrincipalId", KeyVaultSecretsOfficer, Vault, "ServicePrincipal", false },
        { "gatewayPrincipalId", MonitoringMetricsPublisher, AppInsights, "ServicePrincipal", false },
        { "auditorsGroupObjectId", TableDataReader, JournalAccount, "Group", false },
        { "auditorsGroupObjectId", BlobDataReader, JournalAccount, "Group", false },
        { "publisherPrincipalId", WebsiteContributor, Site, "[parameters('publisherPrincipalType')]", true },
        { "publisherPrincipalId", BlobDataContributor, DeploymentContainer, "[parameters('publisherPrincipalType')]", true },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void RoleAssignment_Expected_IsDeployedWithThatScope(string principal, string role, string scope, string principalType, bool optional)
    {
        var matches = Assignments().Where(a => Describe(a) == (principal, role, scope)).ToList();

        var assignment = Assert.Single(matches);
        Assert.Equal(principalType, assignment.At("properties.principalType").GetString());
        Assert.Equal(optional ? $"[not(empty(parameters('{principal}')))]" : null, assignment.Condition);
    }

    [Fact]
    public void RoleAssignments_Template_GrantsNothingElse()
    {
        var expected = Expected.Select(row => ((string)row[0], (string)row[1], (string)row[2])).ToHashSet();

        var unexpected = Assignments().Select(Describe).Where(a => !expected.Contains(a)).ToList();

        Assert.Empty(unexpected);
    }

    [Fact]
    public void RuntimeAccount_DurableTaskHubAndApprovalLedger_HaveTheirDataRoles()
    {
        // Durable Functions' Azure Storage provider with an identity-based AzureWebJobsStorage needs blob (leases,
        // large messages), queue (work items) and table (history, instances) data roles; the approval ledger is a table
        // on the same account, so it adds no grant.
        var runtimeRoles = Assignments()
            .Select(Describe)
            .Where(a => a.Principal == "gatewayPrincipalId" && a.Scope == RuntimeAccount)
            .Select(a => a.Role)
            .Order(StringComparer.Ordinal);

        Assert.Equal(new[] { BlobDataOwner, QueueDataContributor, TableDataContributor }.Order(StringComparer.Ordinal), runtimeRoles);
    }

    [Fact]
    public void Journal_WriteRoles_GoToTheGatewayOnly()
    {
        var writers = Assignments()
            .Select(Describe)
            .Where(a => a.Scope is JournalAccount or AnchorContainer)
            .Where(a => a.Role is not (TableDataReader or BlobDataReader))
            .Select(a => a.Principal)
            .Distinct();

        Assert.Equal(["gatewayPrincipalId"], writers);
    }

    [Fact]
    public void GatewayPrincipal_PassedToRoleAssignments_IsTheFunctionAppsManagedIdentity()
    {
        var module = _template.Single("", "roleAssignments");

        var value = module.At("properties.parameters.gatewayPrincipalId").ToString();

        Assert.Contains("reference('flexApp').outputs.principalId", value, StringComparison.Ordinal);
        Assert.Contains("reference('premiumApp').outputs.principalId", value, StringComparison.Ordinal);
        Assert.Equal("[parameters('auditorsGroupObjectId')]", module.At("properties.parameters.auditorsGroupObjectId.value").GetString());
    }

    private IEnumerable<ArmResource> Assignments() => _template.OfType("Microsoft.Authorization/roleAssignments");

    private static (string Principal, string Role, string Scope) Describe(ArmResource assignment)
    {
        var principal = ArmExpression.ParameterName(assignment.At("properties.principalId").GetString()) ?? "?";
        var roleExpression = assignment.At("properties.roleDefinitionId").GetString()!;
        var role = roleExpression.Split('\'')[^2];
        Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '", roleExpression, StringComparison.Ordinal);
        return (principal, role, assignment.Scope ?? "(resource group)");
    }
}
