using System.Text;
using Hoop.Cli;
using Hoop.Cli.Commands;
using Hoop.Gateway.Masking;

namespace Hoop.Functions.Tests.Cli.Commands;

public sealed class MaskCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hoop-cli-mask-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> MaskAsync(string input, string contentType, MaskingOptions? options = null, string resource = "", string? key = null)
    {
        using var output = new MemoryStream();
        var exit = await MaskCommand.MaskAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, contentType, options ?? MaskingOptions.Default, resource, key);
        Assert.Equal(CliApp.Ok, exit);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task Mask_SecretJson_MaskedAsTheGatewayWould()
    {
        var output = await MaskAsync("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":{\"password\":\"aHVudGVyMg==\"}}", "application/json", resource: "secrets");

        Assert.Equal("{\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":{\"password\":\"W21hc2tlZF0=\"}}", output);
    }

    [Fact]
    public async Task Mask_WatchStream_FramesKept()
    {
        var input = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"eA==\"}}}\n{\"type\":\"DELETED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"a\":\"eQ==\"}}}\n";

        var output = await MaskAsync(input, "application/json;stream=watch");

        Assert.Equal(input.Replace("eA==", "W21hc2tlZF0=", StringComparison.Ordinal).Replace("eQ==", "W21hc2tlZF0=", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Mask_PolicyStylesWithoutKey_RedactsFully()
    {
        var policy = Path.Combine(_dir, "policy.yaml");
        await File.WriteAllTextAsync(policy, "masking:\n  styles: { email: partial, card: partial }\n");
        var options = MaskCommand.LoadOptions(policy);

        Assert.Equal("mail [masked]\n", await MaskAsync("mail jane@example.com\n", "text/plain", options));
        Assert.Equal("mail [masked]@example.com\n", await MaskAsync("mail jane@example.com\n", "text/plain", options, key: "k"));
    }

    [Fact]
    public async Task Mask_InvalidJson_StopsWithAnError()
    {
        await Assert.ThrowsAsync<CliException>(() => MaskAsync("{\"password\":", "application/json"));
    }

    [Theory]
    [InlineData("--content-type", "text/html")]
    [InlineData("--format", "xml")]
    public async Task Run_UnmaskableType_ExitsTwo(string option, string value)
    {
        Assert.Equal(CliApp.Error, await CliApp.RunAsync(["mask", option, value]));
    }

    [Fact]
    public async Task Run_PolicyWithInvalidMasking_ExitsTwo()
    {
        var policy = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(policy, "masking:\n  colour: true\n");

        Assert.Equal(CliApp.Error, await CliApp.RunAsync(["mask", "--policy", policy]));
    }
}
