namespace Hoop.Functions.Tests.Infra;

/// <summary>Both storage accounts (runtime and audit journal) take Entra ID only: no keys, no SAS, no anonymous reads.</summary>
[Collection(BicepCollection.Name)]
public sealed class StorageTests(BicepCompilation compilation)
{
    private readonly ArmTemplate _template = compilation.Template;

    [Theory]
    [InlineData("runtimeStorage")]
    [InlineData("journalStorage")]
    public void Account_Properties_AllowNoSharedKeyNoAnonymousAccessHttpsOnlyTls12(string module)
    {
        var account = _template.Single(module, "account");

        ArmAssert.IsFalse(account, "properties.allowSharedKeyAccess");
        ArmAssert.IsTrue(account, "properties.defaultToOAuthAuthentication");
        ArmAssert.IsFalse(account, "properties.allowBlobPublicAccess");
        ArmAssert.IsFalse(account, "properties.allowCrossTenantReplication");
        ArmAssert.IsTrue(account, "properties.supportsHttpsTrafficOnly");
        ArmAssert.IsString(account, "properties.minimumTlsVersion", "TLS1_2");
        Assert.Null(account.Condition);
    }

    [Fact]
    public void Template_StorageAccounts_AreExactlyTheTwoChecked()
    {
        var modules = _template.OfType("Microsoft.Storage/storageAccounts").Select(a => a.ModulePath).Order();

        Assert.Equal(["journalStorage", "runtimeStorage"], modules);
    }

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessSignature")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("AzureWebJobsStorage\":")]
    public void Template_Anywhere_UsesNoKeyOrSas(string fragment)
    {
        Assert.DoesNotContain(fragment, _template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("runtimeStorage", "deploymentContainer")]
    [InlineData("journalStorage", "anchorContainer")]
    public void Container_PublicAccess_IsNone(string module, string container)
    {
        ArmAssert.IsString(_template.Single(module, container), "properties.publicAccess", "None");
    }

    [Fact]
    public void AnchorContainer_ImmutabilityPolicy_IsDeployedUnlessAlreadyLockedAndNotAppendable()
    {
        var policy = _template.Single("journalStorage", "anchorImmutability");

        // Skipped only once locked (a locked policy refuses updates); the switch is off unless set on purpose.
        Assert.Equal("[not(parameters('anchorPolicyLocked'))]", policy.Condition);
        Assert.False(_template.Parameter("anchorPolicyLocked").GetProperty("defaultValue").GetBoolean());
        Assert.Null(_template.Single("journalStorage", "anchorContainer").Condition);
        Assert.Equal("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies", policy.Type);
        Assert.Contains("parameters('anchorContainerName')", policy.Name, StringComparison.Ordinal);
        ArmAssert.IsFalse(policy, "properties.allowProtectedAppendWrites");
        var days = ArmAssert.IsParameter(policy, "properties.immutabilityPeriodSinceCreationInDays", "anchorRetentionDays");
        Assert.True(days.GetProperty("minValue").GetInt32() >= 1);
        Assert.True(_template.Parameter("anchorRetentionDays").GetProperty("defaultValue").GetInt32() >= 365);
    }

    [Fact]
    public void JournalAccount_DeleteLock_IsOnByDefault()
    {
        var accountLock = _template.Single("journalStorage", "accountLock");

        ArmAssert.IsString(accountLock, "properties.level", "CanNotDelete");
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('accountName'))]", accountLock.Scope);
        Assert.True(_template.Parameter("lockJournal").GetProperty("defaultValue").GetBoolean());
    }

    [Theory]
    [InlineData("runtimeStorage", "blobServices")]
    [InlineData("runtimeStorage", "queueServices")]
    [InlineData("runtimeStorage", "tableServices")]
    [InlineData("journalStorage", "blobServices")]
    [InlineData("journalStorage", "tableServices")]
    public void DataService_DiagnosticSetting_SendsAllLogsToLogAnalytics(string module, string service)
    {
        var settings = _template.OfType("Microsoft.Insights/diagnosticSettings")
            .Where(d => d.ModulePath == module && d.Scope!.Contains($"/{service}'", StringComparison.Ordinal))
            .ToList();

        var setting = Assert.Single(settings);
        Assert.Null(setting.Condition);
        ArmAssert.IsParameter(setting, "properties.workspaceId", "workspaceId");
        Assert.Contains(setting.At("properties.logs").EnumerateArray(), l => l.GetProperty("categoryGroup").GetString() == "allLogs");
    }

    [Fact]
    public void PrivateNetworking_Default_IsOffAndTurnsPublicAccessOffWhenOn()
    {
        Assert.False(_template.Parameter("privateNetworking").GetProperty("defaultValue").GetBoolean());
        foreach (var account in _template.OfType("Microsoft.Storage/storageAccounts"))
        {
            ArmAssert.IsString(account, "properties.publicNetworkAccess", "[if(variables('privateOnly'), 'Disabled', 'Enabled')]");
        }
    }
}
