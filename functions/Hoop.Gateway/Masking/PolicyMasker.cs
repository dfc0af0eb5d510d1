using Hoop.Gateway.Policy;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Masking;

/// <summary>
/// The gateway's masker: the rules of the policy in force (<see cref="PolicyDocument.MaskingOptions"/>), recompiled when a
/// new policy is loaded. A request keeps the masker it started with.
/// </summary>
internal sealed class PolicyMasker(IPolicySource policies, ISecretStore? store) : IResponseMasker
{
    private readonly Lock _lock = new();
    private (MaskingOptions Options, ResponseMasker Masker)? _current;

    public Stream Wrap(Stream upstream, MaskingContext context) => Current().Wrap(upstream, context);

    public string MaskHeader(string value, MaskingContext context) => Current().MaskHeader(value, context);

    public ReadOnlyMemory<byte> MaskBody(ReadOnlyMemory<byte> body, string? contentType, MaskingContext context) => Current().MaskBody(body, contentType, context);

    private ResponseMasker Current()
    {
        var options = policies.Current.MaskingOptions;
        var current = _current;
        if (current is { } c && ReferenceEquals(c.Options, options))
        {
            return c.Masker;
        }

        lock (_lock)
        {
            if (_current is { } again && ReferenceEquals(again.Options, options))
            {
                return again.Masker;
            }

            // Compiled once per loaded policy (the pseudonym key is read here, not per request).
            var masker = ResponseMasker.Create(options, store);
            _current = (options, masker);
            return masker;
        }
    }
}
