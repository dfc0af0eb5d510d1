using System.CommandLine;
using System.Text;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Cli.Commands;

/// <summary>
/// <c>hoop mask [--content-type CT | --format json|text] [--policy FILE] [--resource R] [--key K]</c>: masks stdin to
/// stdout exactly as the gateway masks a response of that content type, with the policy's masking rules (DESIGN.md §8).
/// Streams: a watch piped in comes out frame by frame.
/// </summary>
internal static class MaskCommand
{
    public static Command Create()
    {
        var contentType = new Option<string?>("--content-type") { Description = "Content type of stdin as the API server would send it (application/json, application/json;stream=watch, text/plain, ...)" };
        var format = new Option<string?>("--format") { Description = "json or text (shorthand for --content-type)" };
        var policy = new Option<string?>("--policy") { Description = "Policy file (YAML) whose masking: section applies; the built-in rules when omitted" };
        var resource = new Option<string?>("--resource") { Description = "The resource the body answers (e.g. secrets): as the gateway knows it from the request" };
        var key = new Option<string?>("--key") { Description = "Pseudonym key (HMAC); without it every value is fully redacted" };
        var command = new Command("mask", "Mask stdin as the gateway masks a response") { contentType, format, policy, resource, key };
        command.SetAction(async (result, cancellationToken) =>
        {
            var type = result.GetValue(contentType) ?? result.GetValue(format) switch
            {
                null or "json" => "application/json",
                "text" => "text/plain",
                var other => throw new CliException($"--format must be json or text, not \"{other}\""),
            };
            if (BodyFormats.Classify(type) == BodyFormat.Refused)
            {
                throw new CliException($"the gateway does not pass bodies of type \"{type}\" (it answers 502): only JSON and text are masked");
            }

            var options = LoadOptions(result.GetValue(policy));
            await using var stdin = Console.OpenStandardInput();
            await using var stdout = Console.OpenStandardOutput();
            return await MaskAsync(stdin, stdout, type, options, result.GetValue(resource) ?? "", result.GetValue(key), cancellationToken);
        });
        return command;
    }

    /// <summary>Masks <paramref name="input"/> into <paramref name="output"/> as the gateway masks a response of <paramref name="contentType"/>.</summary>
    internal static async Task<int> MaskAsync(Stream input, Stream output, string contentType, MaskingOptions options, string resource, string? pseudonymKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(pseudonymKey))
        {
            // Without a key nothing can be pseudonymised, and partial styles are not wanted either: redact fully.
            options = options with { Styles = new Dictionary<MaskKind, MaskStyle>() };
        }

        var masker = new ResponseMasker(options, Encoding.UTF8.GetBytes(pseudonymKey ?? ""));
        var context = new MaskingContext(
            new Session("hoop-mask", "hoop-mask", [], "", "", DateTimeOffset.MaxValue),
            new RequestInfo { IsResourceRequest = resource.Length > 0, Verb = "get", ApiVersion = "v1", Resource = resource },
            contentType);
        await using var masked = masker.Wrap(input, context);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await masked.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
        }
        catch (IOException ex) when (ex.InnerException is MaskingException masking)
        {
            throw new CliException($"masking stopped: {masking.Message} (the gateway would end this response here)");
        }

        return CliApp.Ok;
    }

    internal static MaskingOptions LoadOptions(string? path)
    {
        if (path is null)
        {
            return MaskingOptions.Default;
        }

        try
        {
            return MaskingOptionsReader.ReadPolicy(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or YamlDotNet.Core.YamlException)
        {
            throw new CliException($"cannot read the masking rules of {path}: {ex.Message}");
        }
    }
}
