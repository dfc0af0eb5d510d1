using Hoop.Gateway.Masking;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Shapes one forwarded request and its response. Request: only allow-listed headers, <c>Accept</c> restricted to JSON,
/// the gateway's <c>Audit-ID</c>, the connection's credential, the raw target exactly as classified. Response: status and
/// headers as the API server sent them (minus hop-by-hop), and the body read through the masker and the stream deadline.
/// </summary>
internal sealed class UpstreamTransformer(ForwardPlan plan, IResponseMasker masker, TimeProvider time) : HttpTransformer
{
    private static readonly UriCreationOptions RawUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        // Deliberately not calling base: it copies every request header. Only the allow-list below goes upstream.
        var request = httpContext.Request;
        foreach (var header in request.Headers)
        {
            if (RequestHeaderPolicy.Forwarded.Contains(header.Key))
            {
                proxyRequest.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value!);
            }
        }

        var accept = plan.SchemaDocument ? AcceptHeader.ForSchemaDocument(request.Headers.Accept) : AcceptHeader.RestrictToJson(request.Headers.Accept);
        proxyRequest.Headers.TryAddWithoutValidation(HeaderNames.Accept, accept);
        proxyRequest.Headers.TryAddWithoutValidation("Audit-ID", plan.AuditId);
        if (proxyRequest.Content is not null)
        {
            proxyRequest.Content.Headers.TryAddWithoutValidation(HeaderNames.ContentType, request.ContentType);
            proxyRequest.Content.Headers.ContentLength = request.ContentLength;
        }

        // The target was checked unambiguous by the normaliser; send its bytes as they are (no re-canonicalisation).
        proxyRequest.RequestUri = new Uri(destinationPrefix + plan.Target, in RawUri);
        proxyRequest.Headers.Host = null;
        await (plan.Session is { } session
            ? plan.Connection.AuthorizeAsync(proxyRequest, session, cancellationToken)
            : plan.Connection.AuthorizeAsync(proxyRequest, cancellationToken));
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null || !copyBody)
        {
            return copyBody;
        }

        var upstream = await proxyResponse.Content.ReadAsStreamAsync(cancellationToken);
        var body = plan.StreamDeadline is { } deadline ? new DeadlineStream(upstream, deadline, time, plan.SessionEnded) : upstream;
        body = plan.Recorder?.WrapUpstream(body) ?? body;
        var unmasked = body;
        body = masker.Wrap(body, plan.Masking with { ContentType = proxyResponse.Content.Headers.ContentType?.ToString() ?? "" });
        var lengthMayChange = !ReferenceEquals(body, unmasked) || plan.StreamDeadline is not null;
        // The journal records what leaves the gateway: the masked bytes.
        body = plan.Recorder?.WrapDelivered(body) ?? body;
        if (!ReferenceEquals(body, upstream))
        {
            // When masking or a deadline may change the body's length, drop Content-Length so the client reads to the end (chunked).
            var content = new StreamContent(body);
            foreach (var header in proxyResponse.Content.Headers)
            {
                if (!lengthMayChange || !header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            proxyResponse.Content = content;
            if (lengthMayChange)
            {
                httpContext.Response.Headers.ContentLength = null;
            }
        }

        return true;
    }
}
