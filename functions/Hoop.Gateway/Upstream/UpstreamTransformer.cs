using Hoop.Gateway.Masking;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
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
    /// <summary>The OpenAPI v2 protobuf type as the API server answers it (<c>...spec.v2.v1.0+protobuf</c>; asked for as <c>...spec.v2@v1.0+protobuf</c>).</summary>
    private const string OpenApiV2ProtobufResponse = "application/com.github.proto-openapi.spec.v2";

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
        if (proxyResponse is not null && plan.SchemaDocument && proxyResponse.Content.Headers.ContentEncoding.Count == 0
            && RawContentType(proxyResponse).StartsWith(OpenApiV2ProtobufResponse, StringComparison.OrdinalIgnoreCase))
        {
            // The OpenAPI v2 schema in protobuf (kubectl 1.27-1.29 need it; see AcceptHeader): the cluster's schema, not data.
            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        }

        if (proxyResponse is not null && HasBody(httpContext, proxyResponse)
            && BodyFormats.Classify(proxyResponse.Content.Headers.ContentType?.ToString(), string.Join(',', proxyResponse.Content.Headers.ContentEncoding)) == BodyFormat.Refused)
        {
            // Only JSON and plain text can be masked: any other body (protobuf, CBOR, HTML, an encoded body) is never passed on.
            var type = proxyResponse.Content.Headers.ContentType?.MediaType ?? "none";
            var encoding = proxyResponse.Content.Headers.ContentEncoding.Count > 0 ? $" encoded as {string.Join(',', proxyResponse.Content.Headers.ContentEncoding)}" : "";
            await GatewayRefusal.BadGateway($"the upstream answered with a body of type {type}{encoding}, which the gateway cannot mask; nothing of it was passed on").WriteAsync(httpContext, cancellationToken);
            return false;
        }

        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return copyBody;
        }

        // Warning headers can quote values (an unknown field's content, a deprecated value): the content rules apply.
        var warnings = httpContext.Response.Headers[HeaderNames.Warning];
        if (warnings.Count > 0)
        {
            httpContext.Response.Headers[HeaderNames.Warning] = new StringValues([.. warnings.Select(w => masker.MaskHeader(w ?? "", plan.Masking))]);
        }

        if (!copyBody)
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

    /// <summary>The Content-Type as sent (the typed header is null for media types with characters such as '@').</summary>
    private static string RawContentType(HttpResponseMessage response)
        => response.Content.Headers.TryGetValues(HeaderNames.ContentType, out var values) ? string.Join(',', values) : "";

    private static bool HasBody(HttpContext httpContext, HttpResponseMessage response)
        => !HttpMethods.IsHead(httpContext.Request.Method) && response.Content.Headers.ContentLength != 0
            && (int)response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified);
}
