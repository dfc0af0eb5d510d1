using Hoop.Gateway.Approvals.Notifications;
using Hoop.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hoop.Gateway.Tests.Approvals.Notifications;

public class NotifierSettingsTests
{
    [Theory]
    [InlineData("http://prod-123.westeurope.logic.azure.com/workflows/x?sig=TOPSECRETSIG")]
    [InlineData("ftp://prod-123.westeurope.logic.azure.com/workflows/x?sig=TOPSECRETSIG")]
    [InlineData("not a url sig=TOPSECRETSIG")]
    public void Read_InsecureOrMalformedWebhook_FailsWithoutShowingIt(string url)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NotifierSettings.Read(Config((SettingNames.TeamsWebhookUrl, url))));

        Assert.Contains(SettingNames.TeamsWebhookUrl, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRETSIG", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://prod-123.westeurope.logic.azure.com/workflows/x?sig=s")]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    public void Read_HttpsOrLoopbackWebhook_IsAccepted(string url)
        => Assert.Equal(new Uri(url), NotifierSettings.Read(Config((SettingNames.TeamsWebhookUrl, url))).TeamsWebhookUrl);

    [Fact]
    public void Read_NothingSet_BothChannelsOff()
    {
        var settings = NotifierSettings.Read(Config((SettingNames.TeamsWebhookUrl, ""), (SettingNames.SmtpHost, "")));

        Assert.Null(settings.TeamsWebhookUrl);
        Assert.Null(settings.Smtp);
    }

    [Fact]
    public void Read_Smtp_BindsAllFields()
    {
        var settings = NotifierSettings.Read(Config(
            (SettingNames.SmtpHost, "smtp.example.com"), (SettingNames.SmtpPort, "465"), (SettingNames.SmtpFrom, "hoop@example.com"),
            (SettingNames.SmtpUser, "apikey"), (SettingNames.SmtpPassword, "p@ss")));

        var smtp = Assert.IsType<SmtpSettings>(settings.Smtp);
        Assert.Equal(("smtp.example.com", 465, "hoop@example.com", "apikey", "p@ss"), (smtp.Host, smtp.Port, smtp.From, smtp.User, smtp.Password));
        Assert.False(smtp.AllowsPlainText);
        Assert.DoesNotContain("p@ss", smtp.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("70000", "hoop@example.com", "Smtp:Port")]
    [InlineData("587", "Hoop <hoop@example.com>", "Smtp:From")]
    [InlineData("587", "", "Smtp:From")]
    public void Read_BadSmtp_FailsNamingTheSetting(string port, string from, string setting)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => NotifierSettings.Read(Config(
            (SettingNames.SmtpHost, "smtp.example.com"), (SettingNames.SmtpPort, port), (SettingNames.SmtpFrom, from))));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
