using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Policy;

/// <summary>
/// The decide stage: judges a classified request against its session's role. First matching rule wins; no match blocks
/// (rule <c>default-deny</c>). See docs/policy.md.
/// </summary>
/// <remarks>
/// <para>A request is judged as more than one verb where the API server would act as more than one: a watch that starts
/// by listing is judged as <c>list</c> too, and a write that may create (update, server-side apply) as <c>create</c> too.
/// The strictest decision wins (block, then approve, then allow).</para>
/// <para>Rules are compiled once per policy document; a decision allocates nothing unless a rule reads the body
/// (bench/Hoop.Bench/PolicyEvaluatorBenchmarks.cs).</para>
/// </remarks>
public sealed class PolicyEvaluator : IPolicyDecider
{
    private readonly IPolicySource? _source;
    private CompiledPolicy _compiled;

    /// <summary>An evaluator that follows <paramref name="source"/>, compiling each new document once.</summary>
    public PolicyEvaluator(IPolicySource source)
    {
        _source = source;
        _compiled = new CompiledPolicy(source.Current);
    }

    private PolicyEvaluator(CompiledPolicy compiled) => _compiled = compiled;

    /// <summary>An evaluator for one fixed document (<c>hoop explain</c>, tests, benchmarks).</summary>
    public static PolicyEvaluator ForDocument(PolicyDocument document) => new(new CompiledPolicy(document));

    /// <summary>The document decisions are currently made with.</summary>
    public PolicyDocument Document => Compiled().Document;

    /// <inheritdoc/>
    public ValueTask<Decision> DecideAsync(DecisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Decide(request));
    }

    /// <summary>Decides for a request of a session (checks the session's connection against its role too).</summary>
    public Decision Decide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Decide(
            Compiled(),
            request.Session.Role,
            request.Session.Connection,
            request.Info,
            request.Query,
            request.ContentType,
            request.Body);
    }

    /// <summary>Decides for a role by name, without a session (<c>hoop explain --role R</c>).</summary>
    public Decision Decide(
        string role,
        RequestInfo info,
        IReadOnlyList<KeyValuePair<string, string>>? query = null,
        string contentType = "",
        ReadOnlyMemory<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(info);
        return Decide(Compiled(), role, connection: null, info, query ?? [], contentType, body);
    }

    private static Decision Decide(
        CompiledPolicy policy,
        string roleName,
        string? connection,
        RequestInfo info,
        IReadOnlyList<KeyValuePair<string, string>> query,
        string contentType,
        ReadOnlyMemory<byte> bodyBytes)
    {
        // :: Step 1: the role, and the connection it may use.
        if (!policy.Roles.TryGetValue(roleName, out var role))
        {
            return DecisionText.UnknownRole(roleName);
        }

        if (connection is not null && !role.Connections.Contains(connection))
        {
            return DecisionText.ConnectionNotAllowed(roleName, connection);
        }

        // :: Step 2: the request as its own verb.
        var body = bodyBytes.IsEmpty ? null : new RequestBody(bodyBytes, contentType);
        var request = new RequestView(info, info.Verb);
        var decision = Judge(role, request, info, query, body);

        // :: Step 3: the other verbs the API server will act as (the strictest decision wins).
        if (info.IsResourceRequest)
        {
            if (info.Verb == "watch" && RequestTraits.WatchStartsWithList(query))
            {
                decision = Strictest(decision, Judge(role, request.WithVerb("list"), info, query, body));
            }

            if (RequestTraits.MayCreate(info, contentType))
            {
                decision = Strictest(decision, Judge(role, request.WithVerb("create"), info, query, body));
            }
        }

        // :: Step 4: interactive streams are never carried, so never approved (policy check refuses such rules too).
        if (decision.Action == DecisionAction.Approve && RequestTraits.IsInteractiveStream(info))
        {
            return DecisionText.StreamCannotBeApproved(decision);
        }

        return decision;
    }

    private static Decision Judge(
        CompiledRole role,
        in RequestView request,
        RequestInfo info,
        IReadOnlyList<KeyValuePair<string, string>> query,
        RequestBody? body)
    {
        var rule = role.FirstMatch(request, body);
        if (rule is null)
        {
            return role.DefaultDeny;
        }

        return rule.DryRunDecision is { } dryRun && RequestTraits.IsDryRun(info, query, body) ? dryRun : rule.Decision;
    }

    private static Decision Strictest(Decision first, Decision second) =>
        Rank(second.Action) > Rank(first.Action) ? second : first;

    private static int Rank(DecisionAction action) => action switch
    {
        DecisionAction.Block => 2,
        DecisionAction.Approve => 1,
        _ => 0,
    };

    private CompiledPolicy Compiled()
    {
        var compiled = Volatile.Read(ref _compiled);
        if (_source is not null)
        {
            var current = _source.Current;
            if (!ReferenceEquals(compiled.Document, current))
            {
                // Compiled once per new document; a race compiles twice and one copy wins, both correct.
                compiled = new CompiledPolicy(current);
                Volatile.Write(ref _compiled, compiled);
            }
        }

        return compiled;
    }
}
