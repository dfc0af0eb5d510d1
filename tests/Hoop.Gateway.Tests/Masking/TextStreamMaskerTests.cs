using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Tests.Masking;

public sealed class TextStreamMaskerTests
{
    [Theory]
    [MemberData(nameof(MaskingTables.TextCases), MemberType = typeof(MaskingTables))]
    public void Mask_TextCase_MatchesTableInEveryChunking(TextCase row)
    {
        var output = MaskingHarness.MaskAllChunkings(row.Input + "\n", "text/plain; charset=utf-8");

        Assert.Equal(row.Expected + "\n", output);
    }

    [Fact]
    public void Mask_PemPrivateKeyOverManyLines_EveryLineMaskedCertificateKept()
    {
        var input = MaskingHarness.Asset("pem-mixed.txt");

        var output = MaskingHarness.MaskAllChunkings(input, "text/plain");

        Assert.Equal(MaskingHarness.Asset("pem-mixed.expected.txt"), output);
    }

    [Fact]
    public void Mask_NothingToMask_IsByteIdentical()
    {
        var input = MaskingHarness.Asset("plain-log.txt");

        Assert.Equal(input, MaskingHarness.MaskAllChunkings(input, "text/plain"));
    }

    [Fact]
    public void Mask_VeryLongLine_SecretsFoundAcrossSegments()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem-ipsum", 20_000));
        var input = filler + " password=hunter2 " + filler + " jane.doe@example.com " + filler + "\n";

        var output = MaskingHarness.Mask(input, "text/plain", options: new MaskingOptions { MaxLineBytes = 4096 });

        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", output, StringComparison.Ordinal);
        Assert.Equal(input.Length - "hunter2".Length - "jane.doe@example.com".Length + (2 * MaskToken.Text.Length), output.Length);
    }

    [Fact]
    public void Mask_SingleTokenLongerThanTheBound_IsMaskedWhole()
    {
        var blob = new string('A', 10_000);
        var input = "before " + blob + " after\n";

        var output = MaskingHarness.Mask(input, "text/plain", chunk: 7, options: new MaskingOptions { MaxLineBytes = 1024 });

        Assert.Equal("before " + MaskToken.Text + " after\n", output);
    }

    [Fact]
    public void Mask_YamlSecretFromKubectl_DataValuesMaskedKeysKept()
    {
        var input = MaskingHarness.Asset("secret.yaml");

        var output = MaskingHarness.MaskAllChunkings(input, "application/yaml");

        Assert.Equal(MaskingHarness.Asset("secret.expected.yaml"), output);
    }
}
