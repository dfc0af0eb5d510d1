using System.Buffers;
using System.Text;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Masking;

/// <summary>The inline masker: JSON documents and watch streams, Tables, text and logs, Warning headers, request bodies.</summary>
/// <remarks>Rules and bounds: docs/masking.md. Public for the hosts (<c>hoop mask</c>); the gateway gets it from DI.</remarks>
public sealed class ResponseMasker : IResponseMasker
{
    private readonly MaskingEngine _engine;
    private readonly byte[] _pseudonymKey;

    /// <summary>Compiles <paramref name="options"/>; <paramref name="pseudonymKey"/> keys the pseudonyms (empty: they are redacted).</summary>
    public ResponseMasker(MaskingOptions options, ReadOnlySpan<byte> pseudonymKey = default)
    {
        _engine = new MaskingEngine(options);
        _pseudonymKey = pseudonymKey.ToArray();
    }

    /// <summary>
    /// The masker for <paramref name="options"/>, with the pseudonym key read once from <paramref name="store"/> when the
    /// options name one (a missing key leaves pseudonyms redacted, never weaker).
    /// </summary>
    public static ResponseMasker Create(MaskingOptions options, ISecretStore? store)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PseudonymKeySecret is not { Length: > 0 } name || store is null)
        {
            return new ResponseMasker(options);
        }

        // Read once at start-up (the masker is a singleton); the hot path never waits on the store.
        var key = store.GetSecretAsync(name).AsTask().GetAwaiter().GetResult();
        return new ResponseMasker(options, key is null ? default : Encoding.UTF8.GetBytes(key));
    }

    /// <inheritdoc/>
    public Stream Wrap(Stream upstream, MaskingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MaskingStream(upstream, CreateMasker(BodyFormats.Classify(context.ContentType), context));
    }

    /// <inheritdoc/>
    public string MaskHeader(string value, MaskingContext context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(context);
        var lines = new LineMasker(_engine, Formatter(context), embedLevel: 0);
        return lines.MaskLine(value) ?? value;
    }

    /// <inheritdoc/>
    public ReadOnlyMemory<byte> MaskBody(ReadOnlyMemory<byte> body, string? contentType, MaskingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (body.IsEmpty)
        {
            return body;
        }

        var format = BodyFormats.Classify(contentType);
        if (format == BodyFormat.Refused)
        {
            return Encoding.UTF8.GetBytes(MaskToken.Text);
        }

        try
        {
            return Mask(body.Span, format, context);
        }
        catch (MaskingException) when (format == BodyFormat.Json)
        {
            return Mask(body.Span, BodyFormat.Text, context);
        }
    }

    /// <summary>The push masker for one body of <paramref name="format"/> (also used by <c>hoop mask</c>).</summary>
    internal IStreamMasker CreateMasker(BodyFormat format, MaskingContext context) => format switch
    {
        BodyFormat.Json => new JsonMasker(_engine, Formatter(context), IsSecretsRequest(context), multipleValues: true),
        BodyFormat.Text => new TextStreamMasker(_engine, Formatter(context)),
        _ => new RefusingMasker(context.ContentType),
    };

    private byte[] Mask(ReadOnlySpan<byte> body, BodyFormat format, MaskingContext context)
    {
        var output = new ArrayBufferWriter<byte>(body.Length + 64);
        var masker = CreateMasker(format, context);
        masker.Write(body, output);
        masker.Complete(output);
        return output.WrittenSpan.ToArray();
    }

    private MaskFormatter Formatter(MaskingContext context) => new(_pseudonymKey, context.Session.Id);

    /// <summary>Requests on core Secrets: their resources are Secrets even where a response does not say so (PartialObjectMetadata, Status).</summary>
    private static bool IsSecretsRequest(MaskingContext context)
        => context.Info is { IsResourceRequest: true, ApiGroup: "", Resource: "secrets" };
}
