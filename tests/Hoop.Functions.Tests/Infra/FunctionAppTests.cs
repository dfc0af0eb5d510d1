namespace Hoop.Functions.Tests.Infra;

/// <summary>The function app on both plans: HTTPS only, TLS 1.2+, no FTP, managed identity, bounded scale.</summary>
[Collection(BicepCollection.Name)]
public sealed class FunctionAppTests(BicepCompilation compilation)
{
    private readonly ArmTemplate _template = compilation.Template;

    [Theory]
    [InlineData("flexApp")]
    [InlineData("premiumApp")]
    public void Site_Properties_HttpsOnlyTls12NoFtpSystemAssignedIdentity(string module)
    {
        var site = _template.Single(module, "site");

        ArmAssert.IsTrue(site, "properties.httpsOnly");
        ArmAssert.IsString(site, "properties.siteConfig.minTlsVersion", "1.2");
        ArmAssert.IsString(site, "properties.siteConfig.scmMinTlsVersion", "1.2");
        ArmAssert.IsString(site, "properties.siteConfig.ftpsState", "Disabled");
        ArmAssert.IsString(site, "identity.type", "SystemAssigned");
        ArmAssert.IsString(site, "kind", "functionapp,linux");
    }

    [Fact]
    public void Template_Sites_AreExactlyTheTwoPlanVariants()
    {
        var sites = _template.OfType("Microsoft.Web/sites").Select(s => s.ModulePath).Order();

        Assert.Equal(["flexApp", "premiumApp"], sites);
        Assert.Equal("[variables('isFlex')]", _template.Single("", "flexApp").Condition);
        Assert.Equal("[not(variables('isFlex'))]", _template.Single("", "premiumApp").Condition);
        Assert.Equal("FlexConsumption", _template.Parameter("hostingPlan").GetProperty("defaultValue").GetString());
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void BasicPublishingCredentials_Policy_IsOff(string policy)
    {
        var resource = Assert.Single(
            _template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            r => r.Name.Contains($"'{policy}'", StringComparison.Ordinal));

        ArmAssert.IsFalse(resource, "properties.allow");
        Assert.Null(resource.Condition);
    }

    [Fact]
    public void FlexSite_FunctionAppConfig_RunsDotnet10IsolatedWithABoundedInstanceCount()
    {
        var site = _template.Single("flexApp", "site");

        ArmAssert.IsString(site, "properties.functionAppConfig.runtime.name", "dotnet-isolated");
        ArmAssert.IsString(site, "properties.functionAppConfig.runtime.version", "10.0");
        ArmAssert.IsString(site, "properties.functionAppConfig.deployment.storage.authentication.type", "SystemAssignedIdentity");
        var max = ArmAssert.IsParameter(site, "properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount", "maximumInstanceCount");
        Assert.True(max.GetProperty("maxValue").GetInt32() <= 1000);
        var outer = _template.Parameter("maximumInstanceCount");
        Assert.True(outer.GetProperty("defaultValue").GetInt32() <= 100, "The default ceiling should stay modest.");
        Assert.True(outer.GetProperty("maxValue").GetInt32() <= 1000);
    }

    [Fact]
    public void PremiumSite_Scale_IsBoundedOnPlanAndSite()
    {
        var site = _template.Single("premiumApp", "site");
        var plan = _template.Single("premiumApp", "plan");

        ArmAssert.IsString(site, "properties.siteConfig.linuxFxVersion", "DOTNET-ISOLATED|10.0");
        ArmAssert.IsString(plan, "sku.tier", "ElasticPremium");
        var siteMax = ArmAssert.IsParameter(site, "properties.siteConfig.functionAppScaleLimit", "maximumInstanceCount");
        ArmAssert.IsParameter(plan, "properties.maximumElasticWorkerCount", "maximumInstanceCount");
        Assert.True(siteMax.GetProperty("maxValue").GetInt32() <= 100);
        Assert.True(_template.Parameter("premiumMaximumInstanceCount").GetProperty("maxValue").GetInt32() <= 100);
    }

    [Fact]
    public void FunctionApp_DiagnosticSetting_SendsFunctionLogsToLogAnalytics()
    {
        var setting = Assert.Single(_template.OfType("Microsoft.Insights/diagnosticSettings"), d => d.ModulePath == "appSettings");

        Assert.Equal("[resourceId('Microsoft.Web/sites', parameters('appName'))]", setting.Scope);
        Assert.Contains(setting.At("properties.logs").EnumerateArray(), l => l.GetProperty("category").GetString() == "FunctionAppLogs");
    }

    [Fact]
    public void AppInsights_LocalAuthentication_IsOffOnComponentAndWorkspace()
    {
        ArmAssert.IsTrue(_template.Single("monitoring", "appInsights"), "properties.DisableLocalAuth");
        ArmAssert.IsTrue(_template.Single("monitoring", "workspace"), "properties.features.disableLocalAuth");
    }
}
