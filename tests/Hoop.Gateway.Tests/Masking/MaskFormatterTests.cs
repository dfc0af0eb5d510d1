using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class MaskFormatterTests
{
    private static readonly byte[] Key = "test-pseudonym-key-0123456789abcdef"u8.ToArray();

    private static MaskingOptions Styled(MaskStyle style) => new()
    {
        Styles = new Dictionary<MaskKind, MaskStyle> { [MaskKind.Email] = style, [MaskKind.Card] = style, [MaskKind.Phone] = style, [MaskKind.IpAddress] = style },
    };

    [Fact]
    public void Mask_PartialStyle_KeepsLastFourOfCardAndDomainOfEmail()
    {
        var output = MaskingHarness.Mask("card 4111 1111 1111 1111 from jane.doe@example.com\n", "text/plain", options: Styled(MaskStyle.Partial));

        Assert.Equal("card [masked]1111 from [masked]@example.com\n", output);
    }

    [Fact]
    public void Mask_Pseudonym_SameValueSameTokenWithinSession()
    {
        var options = Styled(MaskStyle.Pseudonym);

        var first = MaskingHarness.Mask("a jane.doe@example.com b JANE.DOE@example.com c bob@example.com\n", "text/plain", options: options, key: Key);
        var tokens = first.Split(' ').Where(t => t.StartsWith("[email:", StringComparison.Ordinal)).ToArray();

        Assert.Equal(3, tokens.Length);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[0], tokens[2]);
        Assert.DoesNotContain("jane", first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mask_Pseudonym_DiffersAcrossSessions()
    {
        var options = Styled(MaskStyle.Pseudonym);

        var one = MaskingHarness.Mask("jane.doe@example.com\n", "text/plain", options: options, key: Key, sessionId: "s-1");
        var two = MaskingHarness.Mask("jane.doe@example.com\n", "text/plain", options: options, key: Key, sessionId: "s-2");

        Assert.StartsWith("[email:", one, StringComparison.Ordinal);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Mask_PseudonymStyle_NeverAppliesToCredentials()
    {
        var options = Styled(MaskStyle.Pseudonym) with { Styles = new Dictionary<MaskKind, MaskStyle> { [MaskKind.Credential] = MaskStyle.Pseudonym, [MaskKind.FieldName] = MaskStyle.Pseudonym } };

        var output = MaskingHarness.Mask("password=hunter2 key AKIAIOSFODNN7EXAMPLE\n", "text/plain", options: options, key: Key);

        Assert.Equal("password=[masked] key [masked]\n", output);
    }

    [Fact]
    public void Mask_PseudonymWithoutKey_FallsBackToRedaction()
    {
        var output = MaskingHarness.Mask("jane.doe@example.com\n", "text/plain", options: Styled(MaskStyle.Pseudonym));

        Assert.Equal("[masked]\n", output);
    }
}
