using System.Buffers;
using System.Net;
using Hoop.Gateway.Approvals;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Policy;
using Hoop.Gateway.Recording;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;
using Hoop.Gateway.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace Hoop.Gateway.Pipeline;

/// <summary>
/// The one request pipeline, shared by the Azure Functions app and <c>hoop serve</c>:
/// authenticate → normalise and classify → decide → (approve) → record → forward → mask → record.
/// </summary>
/// <remarks>
/// <code>
///  agent (kubectl) ──► gateway /k8s/{connection}/{path} ──────────────────────────► API server
///                      1 authenticate  2 normalise+classify  3 decide  4 approve
///                      5 record request (fail closed)        6 forward (allow-listed headers, JSON only)
///  agent ◄──────────── 7 mask (read side: unmasked bytes never reach the client) ◄── response
///                      8 record response
/// </code>
/// Every refusal is a Kubernetes <c>Status</c>; if a stage cannot run (authenticate, decide, record), nothing is forwarded.
/// Invariants are listed in docs/security/invariants.md with the tests that guard them.
/// </remarks>
public sealed partial class GatewayPipeline
{
    /// <summary>The route prefix of agent requests.</summary>
    public const string RoutePrefix = "/k8s/";

    private static readonly string[] InteractiveSubresources = ["exec", "attach", "portforward"];

    /// <summary>The refusal for interactive streams, which the gateway never carries (they cannot be inspected or masked).</summary>
    public static readonly GatewayRefusal InteractiveRefusal = GatewayRefusal.Forbidden(
        "the gateway does not carry interactive streams (exec, attach, port-forward, cp): ask a person to run this, or use 'kubectl logs' and 'kubectl get' to inspect");

    private readonly ISessionAuthenticator _authenticator;
    private readonly IPolicyDecider _decider;
    private readonly IApprovalGate _approvals;
    private readonly IUpstreamRegistry _upstreams;
    private readonly IHttpForwarder _forwarder;
    private readonly IResponseMasker _masker;
    private readonly IAuditJournal _journal;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayPipeline> _logger;

    internal GatewayPipeline(
        ISessionAuthenticator authenticator,
        IPolicyDecider decider,
        IApprovalGate approvals,
        IUpstreamRegistry upstreams,
        IHttpForwarder forwarder,
        IResponseMasker masker,
        IAuditJournal journal,
        IOptions<GatewayOptions> options,
        TimeProvider time,
        ILogger<GatewayPipeline> logger)
    {
        _authenticator = authenticator;
        _decider = decider;
        _approvals = approvals;
        _upstreams = upstreams;
        _forwarder = forwarder;
        _masker = masker;
        _journal = journal;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Whether <paramref name="context"/> is an agent request (its raw target starts with <c>/k8s/</c>).</summary>
    /// <remarks>Decided on the raw target, not the normalised path, so that <c>/k8s/x/../..</c> reaches the pipeline and is refused.</remarks>
    public static bool IsAgentRequest(HttpContext context) => RawTarget(context).StartsWith(RoutePrefix, StringComparison.Ordinal);

    /// <summary>Handles one agent request to <c>/k8s/{connection}/{**path}</c>.</summary>
    /// <param name="context">The HTTP context (Kestrel in <c>hoop serve</c>, ASP.NET Core integration in Azure Functions).</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = _time.GetTimestamp();
        var auditId = Guid.NewGuid().ToString();
        context.Response.Headers["Audit-ID"] = auditId;
        var aborted = context.RequestAborted;
        var rawTarget = RawTarget(context);
        var connection = GatewayTarget.ConnectionOf(rawTarget);
        if (connection is null)
        {
            await GatewayRefusal.NotFound("agent requests go to /k8s/{connection}/... with a connection name of lower-case letters, digits and '-'").WriteAsync(context, aborted);
            return;
        }

        // :: Step 1: authenticate the session token. Unknown, expired or revoked → 401; the stage failing → 503.
        SessionAuthentication authentication;
        try
        {
            authentication = await _authenticator.AuthenticateAsync(context.Request, connection, aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(_logger, "authenticate", auditId, ex);
            await GatewayRefusal.Unavailable("the gateway cannot authenticate requests right now; nothing was forwarded").WriteAsync(context, aborted);
            return;
        }

        if (!authentication.Succeeded)
        {
            Log.Refused(_logger, auditId, StatusCodes.Status401Unauthorized, authentication.Failure);
            await GatewayRefusal.Unauthorized(authentication.Failure).WriteAsync(context, aborted);
            return;
        }

        var session = authentication.Session;

        // :: Step 2: normalise the raw target (before the web server's own normalisation) and classify it as the API server will.
        var refusal = Classify(context, rawTarget, connection, out var target, out var info);
        if (refusal is null)
        {
            refusal = CheckCarriable(context.Request, info!);
        }

        if (refusal is not null)
        {
            Log.Refused(_logger, auditId, refusal.Code, refusal.Message);
            await refusal.WriteAsync(context, aborted);
            return;
        }

        var (body, bodyRefusal) = await BufferBodyAsync(context.Request, aborted);
        if (bodyRefusal is not null)
        {
            Log.Refused(_logger, auditId, bodyRefusal.Code, bodyRefusal.Message);
            await bodyRefusal.WriteAsync(context, aborted);
            return;
        }

        // :: Step 3: decide with the role's policy. A decider fault fails closed.
        var decisionRequest = new DecisionRequest
        {
            Session = session,
            Info = info!,
            Method = context.Request.Method,
            Query = target!.Query.Pairs,
            ContentType = context.Request.ContentType ?? "",
            Body = body,
            Target = target.UpstreamTarget,
            AuditId = auditId,
        };
        Decision decision;
        try
        {
            decision = await _decider.DecideAsync(decisionRequest, aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(_logger, "decide", auditId, ex);
            RecordErrorInBackground(new ErrorRecord { SessionId = session.Id, AuditId = auditId, Stage = "decide", Message = ex.Message });
            await GatewayRefusal.Unavailable("the gateway cannot evaluate its policy right now; nothing was forwarded").WriteAsync(context, aborted);
            return;
        }

        // :: Step 4: block; refuse a body the gateway cannot read (it could not be masked, recorded or shown to an
        //    approver); or hold for approval.
        refusal = decision.Action == DecisionAction.Block
            ? GatewayRefusal.Forbidden(decision.Message ?? $"blocked by rule \"{decision.Rule}\"")
            : CheckBodyReadable(context.Request, body);
        if (refusal is null && decision.Action == DecisionAction.Approve)
        {
            refusal = await _approvals.AwaitApprovalAsync(decisionRequest, decision, aborted);
        }

        // :: Step 5: journal the request with its decision before anything is forwarded (fail closed).
        var record = new RequestRecord
        {
            SessionId = session.Id,
            AuditId = auditId,
            User = session.User,
            Connection = connection,
            Method = context.Request.Method,
            Target = target.UpstreamTarget,
            Info = info!,
            Decision = decision,
            ReceivedAt = _time.GetUtcNow(),
            Body = body,
            ContentType = context.Request.ContentType ?? "",
            UserAgent = context.Request.Headers.UserAgent.ToString(),
            Session = session,
        };
        IResponseBodyRecorder? recorder = null;
        try
        {
            await _journal.RecordRequestAsync(record, aborted);
            recorder = refusal is null ? await _journal.OpenResponseBodyAsync(session.Id, auditId, aborted) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StageFailed(_logger, "record", auditId, ex);
            await GatewayRefusal.Unavailable("the gateway cannot write its audit journal right now; nothing was forwarded").WriteAsync(context, aborted);
            return;
        }

        if (refusal is not null)
        {
            Log.Refused(_logger, auditId, refusal.Code, refusal.Message);
            await refusal.WriteAsync(context, aborted);
            await RecordResponseAsync(session, auditId, refusal.Code, started, refusal.Message);
            return;
        }

        // :: Step 6: forward to the upstream API server with the gateway's credential.
        var upstream = await _upstreams.GetAsync(connection, aborted);
        if (upstream is null)
        {
            refusal = GatewayRefusal.NotFound($"connection \"{connection}\" is not configured on this gateway");
            await refusal.WriteAsync(context, aborted);
            await RecordResponseAsync(session, auditId, refusal.Code, started, refusal.Message);
            return;
        }

        var plan = PlanForward(upstream, target, info!, auditId, session) with { Session = session, SessionEnded = authentication.Ended, Recorder = recorder };
        var activityTimeout = plan.StreamDeadline is { } deadline
            ? deadline - _time.GetUtcNow() + StreamBounds.WatchGrace
            : TimeSpan.FromSeconds(_options.WatchMaxSeconds);
        var error = await _forwarder.SendAsync(
            context,
            upstream.DestinationPrefix,
            upstream.Invoker,
            new ForwarderRequestConfig { ActivityTimeout = activityTimeout, Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower },
            new UpstreamTransformer(plan, _masker, _time));

        // :: Step 7 (mask) happened on the read side of the response body, inside the transformer.
        // :: Step 8: journal the response.
        string? failure = null;
        if (error != ForwarderError.None)
        {
            failure = context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message ?? error.ToString();
            Log.ForwardFailed(_logger, auditId, error);
            if (!context.Response.HasStarted)
            {
                await GatewayRefusal.BadGateway($"the upstream API server for connection \"{connection}\" could not be reached ({error})").WriteAsync(context, aborted);
            }
        }

        await RecordResponseAsync(session, auditId, context.Response.StatusCode, started, failure, recorder);
    }

    /// <summary>Whether the request opens an interactive stream (pods exec, attach, portforward; by WebSocket GET or SPDY POST).</summary>
    public static bool IsInteractive(RequestInfo info)
        => info.IsResourceRequest && info.Resource == "pods" && InteractiveSubresources.Contains(info.Subresource);

    private static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) ? context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent() : raw;
    }

    private static GatewayRefusal? Classify(HttpContext context, string rawTarget, string connection, out GatewayTarget? target, out RequestInfo? info)
    {
        target = null;
        info = null;
        if (!RequestTargetNormalizer.TryNormalize(rawTarget, out var normalized, out var error))
        {
            return GatewayRefusal.BadRequest($"the request target is ambiguous and was refused: {error}");
        }

        if (!GatewayTarget.TryParse(rawTarget, normalized, out target) || !string.Equals(target.Connection, connection, StringComparison.Ordinal))
        {
            return GatewayRefusal.NotFound("agent requests go to /k8s/{connection}/...");
        }

        info = RequestInfoResolver.Resolve(context.Request.Method, target.UpstreamPath, normalized.Query);
        return null;
    }

    private static GatewayRefusal? CheckCarriable(HttpRequest request, RequestInfo info)
    {
        foreach (var header in MethodOverrideHeaders.Names)
        {
            if (request.Headers.ContainsKey(header))
            {
                return GatewayRefusal.BadRequest($"the {header} header is not accepted: send the request with its real method");
            }
        }

        var upgrade = request.Headers.ContainsKey(HeaderNames.Upgrade)
            || request.Headers.Connection.Any(v => v?.Contains("upgrade", StringComparison.OrdinalIgnoreCase) == true)
            || HttpMethods.IsConnect(request.Method);
        if (upgrade || IsInteractive(info))
        {
            return InteractiveRefusal;
        }

        return null;
    }

    /// <summary>
    /// Bodies the gateway can read: JSON or YAML, uncompressed. Checked after the decision, so a request the policy blocks
    /// gets the policy's message; checked before approval and forwarding, so nothing unreadable is approved or sent.
    /// </summary>
    private static GatewayRefusal? CheckBodyReadable(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        if (request.Headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            return GatewayRefusal.UnsupportedMediaType("compressed request bodies are not accepted: send the body uncompressed");
        }

        return body.Length > 0 && !RequestHeaderPolicy.IsReadableBody(request.ContentType)
            ? GatewayRefusal.UnsupportedMediaType(
                $"request bodies of type \"{request.ContentType}\" are not accepted (protobuf and CBOR are refused): send JSON or YAML")
            : null;
    }

    private async Task<(ReadOnlyMemory<byte> Body, GatewayRefusal? Refusal)> BufferBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (!canHaveBody || request.ContentLength == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, null);
        }

        var max = _options.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            return (default, GatewayRefusal.TooLarge($"the request body is larger than {max} bytes"));
        }

        // The body is read whole: the policy (DeleteOptions, apply) and the journal need it, and it is forwarded as read.
        var buffer = new ArrayBufferWriter<byte>((int)(request.ContentLength ?? 16 * 1024));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(8 * 1024), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                return (default, GatewayRefusal.TooLarge($"the request body is larger than {max} bytes"));
            }
        }

        var body = buffer.WrittenMemory;
        request.Body = new MemoryStream(buffer.WrittenSpan.ToArray(), writable: false);
        request.ContentLength = body.Length;
        request.Headers.Remove(HeaderNames.TransferEncoding);
        return (body, null);
    }

    private ForwardPlan PlanForward(UpstreamConnection upstream, GatewayTarget target, RequestInfo info, string auditId, Session session)
    {
        var rawTarget = target.UpstreamTarget;
        DateTimeOffset? deadline = null;
        if (info.Verb == "watch")
        {
            var query = StreamBounds.CapWatchTimeout(target.RawQuery, target.Query, _options.WatchMaxSeconds);
            rawTarget = query.Length == 0 ? target.UpstreamRawPath : target.UpstreamRawPath + "?" + query;
            deadline = _time.GetUtcNow().AddSeconds(_options.WatchMaxSeconds) + StreamBounds.WatchGrace;
        }
        else if (StreamBounds.IsFollowedLog(info, target.Query))
        {
            deadline = _time.GetUtcNow().AddSeconds(_options.LogFollowMaxSeconds);
        }

        return new ForwardPlan
        {
            Connection = upstream,
            Target = rawTarget,
            AuditId = auditId,
            StreamDeadline = deadline,
            Masking = new MaskingContext(session, info, ""),
            SchemaDocument = AcceptHeader.IsSchemaDocument(info),
        };
    }

    private async Task RecordResponseAsync(Session session, string auditId, int statusCode, long started, string? error, IResponseBodyRecorder? recorder = null)
    {
        try
        {
            await _journal.RecordResponseAsync(new ResponseRecord
            {
                SessionId = session.Id,
                AuditId = auditId,
                StatusCode = statusCode,
                Duration = _time.GetElapsedTime(started),
                Error = error,
                Body = recorder,
            });
        }
        catch (Exception ex)
        {
            // The response has gone; the journal's own verification reports the missing record.
            Log.StageFailed(_logger, "record response", auditId, ex);
        }
    }

    private void RecordErrorInBackground(ErrorRecord error)
        => _ = Task.Run(async () =>
        {
            try
            {
                await _journal.RecordErrorAsync(error);
            }
            catch (Exception ex)
            {
                Log.StageFailed(_logger, "record error", error.AuditId ?? "", ex);
            }
        });
}
