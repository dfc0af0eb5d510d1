namespace Hoop.Functions.Tests.Infra;

/// <summary>Key Vault: RBAC only, soft delete with purge protection, audited; secrets only from secure parameters.</summary>
[Collection(BicepCollection.Name)]
public sealed class KeyVaultTests(BicepCompilation compilation)
{
    private readonly ArmTemplate _template = compilation.Template;

    [Fact]
    public void Vault_Properties_UseRbacSoftDeleteAndPurgeProtection()
    {
        var vault = Assert.Single(_template.OfType("Microsoft.KeyVault/vaults"));

        ArmAssert.IsTrue(vault, "properties.enableRbacAuthorization");
        ArmAssert.IsTrue(vault, "properties.enableSoftDelete");
        ArmAssert.IsTrue(vault, "properties.enablePurgeProtection");
        Assert.Equal(90, vault.At("properties.softDeleteRetentionInDays").GetInt32());
        Assert.False(vault.Properties.TryGetProperty("accessPolicies", out _), "RBAC only: no access policies.");
        ArmAssert.IsFalse(vault, "properties.enabledForTemplateDeployment");
        ArmAssert.IsFalse(vault, "properties.enabledForDeployment");
        Assert.Null(vault.Condition);
    }

    [Fact]
    public void Vault_DiagnosticSetting_SendsTheAuditLogToLogAnalytics()
    {
        var setting = Assert.Single(_template.OfType("Microsoft.Insights/diagnosticSettings"), d => d.ModulePath == "keyVault");

        Assert.Equal("[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]", setting.Scope);
        ArmAssert.IsParameter(setting, "properties.workspaceId", "workspaceId");
        Assert.Contains(setting.At("properties.logs").EnumerateArray(), l => l.GetProperty("categoryGroup").GetString() == "allLogs");
    }

    [Theory]
    [InlineData("teams-webhook-url", "teamsWebhookUrl")]
    [InlineData("smtp-password", "smtpPassword")]
    [InlineData("easyauth-client-secret", "authClientSecret")]
    public void Secret_Value_ComesOnlyFromASecureParameterWhenGiven(string secretName, string parameter)
    {
        var secret = Assert.Single(_template.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.Name.Contains($"'{secretName}'", StringComparison.Ordinal));

        Assert.Equal($"[not(empty(parameters('{parameter}')))]", secret.Condition);
        var declaration = ArmAssert.IsParameter(secret, "properties.value", parameter);
        Assert.Equal("securestring", declaration.GetProperty("type").GetString());
        Assert.Equal("securestring", _template.Parameter(parameter).GetProperty("type").GetString());
    }

    [Fact]
    public void Vault_Secrets_AreOnlyTheThreeReferencedByAppSettings()
    {
        Assert.Equal(3, _template.OfType("Microsoft.KeyVault/vaults/secrets").Count);
    }
}
