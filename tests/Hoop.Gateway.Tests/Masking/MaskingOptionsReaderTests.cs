using Hoop.Gateway.Masking;
using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Tests.Masking;

public sealed class MaskingOptionsReaderTests
{
    [Fact]
    public void Read_FullSection_BindsEveryKey()
    {
        var options = MaskingOptionsReader.Read(MaskingHarness.Asset("masking-policy.yaml"));

        Assert.False(options.Rules.IpAddress);
        Assert.True(options.Rules.Email);
        Assert.Equal(["pin", "otp"], options.FieldNames);
        Assert.Equal(["tokenUrl"], options.KeepFieldNames);
        Assert.Equal("employee-id", Assert.Single(options.Patterns).Name);
        Assert.Equal(["noreply@example.com"], options.Allow);
        Assert.Equal(MaskStyle.Partial, options.StyleOf(MaskKind.Email));
        Assert.Equal(MaskStyle.Pseudonym, options.StyleOf(MaskKind.Phone));
        Assert.Equal(["US", "GB"], options.PhoneRegions);
        Assert.Equal("masking-pseudonym-key", options.PseudonymKeySecret);
    }

    [Fact]
    public void Read_FullSection_ChangesWhatIsMasked()
    {
        var options = MaskingOptionsReader.Read(MaskingHarness.Asset("masking-policy.yaml"));
        var input = "pin=1234 tokenUrl=https://t.example.com EMP-123456 from 8.8.8.8 by noreply@example.com and jane@example.com\n";

        var output = MaskingHarness.Mask(input, "text/plain", options: options);

        Assert.Equal("pin=[masked] tokenUrl=https://t.example.com [masked] from 8.8.8.8 by noreply@example.com and [masked]@example.com\n", output);
    }

    [Theory]
    [InlineData("colour: true", "unknown masking key")]
    [InlineData("rules: { emial: false }", "unknown masking rule")]
    [InlineData("styles: { password: partial }", "personal data only")]
    [InlineData("styles: { email: blur }", "unknown masking style")]
    [InlineData("patterns: [ { name: p, pattern: '(a)\\1' } ]", "not usable")]
    [InlineData("patterns: [ { name: p, pattern: '(?=a)b' } ]", "not usable")]
    [InlineData("patterns: [ { name: p, pattern: 'a*' } ]", "empty string")]
    [InlineData("patterns: [ { name: p, pattern: 'a', group: 2 } ]", "no group 2")]
    [InlineData("patterns: [ { pattern: 'a' } ]", "needs a name")]
    [InlineData("rules: { email: maybe }", "true or false")]
    public void Read_InvalidSection_FailsWithReason(string yaml, string reason)
    {
        var error = Assert.Throws<MaskingConfigurationException>(() => MaskingOptionsReader.Read(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_GivesDefaults()
    {
        Assert.Same(MaskingOptions.Default, MaskingOptionsReader.Read(""));
    }

    [Fact]
    public void Read_EnabledFalse_SwitchesEveryRuleOff()
    {
        var options = MaskingOptionsReader.Read("enabled: false");
        var input = "{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}";

        Assert.Equal(input, MaskingHarness.Mask(input, options: options));
    }

    [Fact]
    public void CustomPattern_WithGroup_MasksOnlyTheGroup()
    {
        var options = MaskingOptionsReader.Read("patterns: [ { name: ticket, pattern: 'ticket=([A-Z]{3}[0-9]{4})', group: 1, keywords: [ ticket ] } ]");

        Assert.Equal("ticket=[masked] ok\n", MaskingHarness.Mask("ticket=ABC1234 ok\n", "text/plain", options: options));
    }

    [Fact]
    public void PolicyLoad_MaskingSection_BoundIntoThePolicy()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "policy", "minimal.yaml"));

        var result = PolicyLoader.Load(yaml, "minimal.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Problems.Select(p => p.Format("minimal.yaml"))));
        Assert.Equal("tok_[a-z0-9]+", Assert.Single(result.Policy!.MaskingOptions.Patterns).Pattern);
    }

    [Fact]
    public void PolicyLoad_InvalidMaskingSection_IsAnErrorAtItsLine()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "assets", "policy", "minimal.yaml"))
            .Replace("regex: \"tok_[a-z0-9]+\"", "regex: \"(a)\\\\1\"", StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "minimal.yaml");

        var problem = Assert.Single(result.Problems, p => p.Path == "masking");
        Assert.Equal(PolicyProblemSeverity.Error, problem.Severity);
        Assert.Contains("not usable", problem.Message, StringComparison.Ordinal);
        Assert.Equal(38, problem.Line);
    }
}
