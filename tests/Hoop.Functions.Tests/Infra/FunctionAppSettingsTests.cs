namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// App settings and App Service Authentication (Easy Auth): secrets only as Key Vault references, identity-based
/// storage, sign-in on every human-facing route, and only the gateway's self-authenticating routes left out.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class FunctionAppSettingsTests(BicepCompilation compilation)
{
    private readonly ArmTemplate _template = compilation.Template;

    private ArmResource Auth => Assert.Single(
        _template.OfType("Microsoft.Web/sites/config"),
        r => r.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));

    [Theory]
    [InlineData("Hoop__Approvals__TeamsWebhookUrl", "teams-webhook-url")]
    [InlineData("Hoop__Approvals__Smtp__Password", "smtp-password")]
    [InlineData("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", "easyauth-client-secret")]
    public void SecretSetting_Value_IsAKeyVaultReference(string setting, string secretName)
    {
        var value = AppSettings.Of(_template).Always[setting];

        Assert.Contains("@Microsoft.KeyVault(VaultName={0};SecretName=", _template.Single("appSettings", "appSettings").Variable("kvRef").GetString(), StringComparison.Ordinal);
        Assert.Contains($"{secretName})", value, StringComparison.Ordinal);
        Assert.Contains("variables('kvRef')", value, StringComparison.Ordinal);
    }

    [Fact]
    public void RuntimeSettings_Storage_IsIdentityBased()
    {
        var settings = AppSettings.Of(_template);

        Assert.Equal("[parameters('runtimeStorageName')]", settings.Always["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain(settings.Always.Keys.Concat(settings.Conditional.Keys), k => k is "AzureWebJobsStorage" or "WEBSITE_CONTENTSHARE");
        Assert.Equal("Authorization=AAD", settings.Always["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void ApprovalLedger_Setting_IsTheRuntimeAccountsTableEndpoint()
    {
        var module = _template.Single("", "appSettings");

        Assert.Equal("[parameters('runtimeTableUri')]", AppSettings.Of(_template).Always["Hoop__Approvals__Ledger__TableServiceUri"]);
        Assert.Contains("reference('runtimeStorage').outputs.tableServiceUri", module.At("properties.parameters.runtimeTableUri.value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("journal", module.At("properties.parameters.runtimeTableUri.value").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    public void ElasticPremiumSetting_OnFlexConsumption_IsNotSet(string setting)
    {
        var settings = AppSettings.Of(_template);

        Assert.False(settings.Always.ContainsKey(setting), $"{setting} must not be set on Flex Consumption.");
        Assert.True(settings.Conditional.ContainsKey(setting), $"{setting} is needed on Elastic Premium.");
    }

    [Fact]
    public void ElasticPremium_Package_IsFetchedWithTheManagedIdentity()
    {
        Assert.Equal("SystemAssigned", AppSettings.Of(_template).Conditional["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);
    }

    [Fact]
    public void EasyAuth_Platform_RequiresSignInWithEntraId()
    {
        var auth = Auth;

        Assert.Null(auth.Condition);
        ArmAssert.IsTrue(auth, "properties.platform.enabled");
        ArmAssert.IsTrue(auth, "properties.globalValidation.requireAuthentication");
        ArmAssert.IsString(auth, "properties.globalValidation.unauthenticatedClientAction", "RedirectToLoginPage");
        ArmAssert.IsTrue(auth, "properties.httpSettings.requireHttps");
        ArmAssert.IsTrue(auth, "properties.identityProviders.azureActiveDirectory.enabled");
        ArmAssert.IsFalse(auth, "properties.login.tokenStore.enabled");
        ArmAssert.IsString(auth, "properties.identityProviders.azureActiveDirectory.registration.clientSecretSettingName", "MICROSOFT_PROVIDER_AUTHENTICATION_SECRET");
        Assert.Contains("tenant().tenantId", auth.At("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EasyAuth_ExcludedPaths_AreExactlyTheSelfAuthenticatingRoutes()
    {
        var excluded = ArmAssert.Strings(Auth.At("properties.globalValidation.excludedPaths"));

        Assert.Equal(["/healthz", "/k8s/*", "/saml/acs"], excluded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/sessions")]
    [InlineData("/sessions/0f8e")]
    [InlineData("/approvals")]
    [InlineData("/approvals/a-17")]
    [InlineData("/approvals/a-17/approve")]
    [InlineData("/audit")]
    [InlineData("/audit/export")]
    [InlineData("/")]
    [InlineData("/k8s")]
    [InlineData("/saml/acs/extra")]
    [InlineData("/K8sX/prod")]
    public void EasyAuth_HumanFacingRoute_RequiresSignIn(string path)
    {
        var excluded = ArmAssert.Strings(Auth.At("properties.globalValidation.excludedPaths"));

        Assert.DoesNotContain(excluded, pattern => Excludes(pattern, path));
    }

    [Theory]
    [InlineData("/k8s/prod-aks/api/v1/pods")]
    [InlineData("/k8s/demo/apis/apps/v1/namespaces/default/deployments/web/scale")]
    [InlineData("/k8s/demo/version")]
    [InlineData("/saml/acs")]
    [InlineData("/healthz")]
    public void EasyAuth_SelfAuthenticatingRoute_IsLeftToTheGateway(string path)
    {
        var excluded = ArmAssert.Strings(Auth.At("properties.globalValidation.excludedPaths"));

        Assert.Contains(excluded, pattern => Excludes(pattern, path));
    }

    // App Service matches an excluded path exactly, or as a prefix when it ends in "/*". Compared without case,
    // the stricter reading for the protected-route test.
    private static bool Excludes(string pattern, string path) =>
        pattern.EndsWith("/*", StringComparison.Ordinal)
            ? path.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase);
}
