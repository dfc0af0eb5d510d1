using Hoop.Gateway.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// Starts, lists and ends sessions for signed-in people: <c>POST /sessions</c>, <c>GET /sessions</c>,
/// <c>DELETE /sessions/{id}</c> (and the demo's own session for alice's agent).
/// </summary>
/// <remarks>
/// Starting needs a recent sign-in (so an agent holding its person's cached token cannot widen its own access), a group →
/// role mapping that grants the role on the connection, and a reason. The lifetime is capped by the role's maxSession.
/// The token is made here, returned once, and only its keyed hash is stored.
/// </remarks>
public sealed class SessionService
{
    /// <summary>The longest reason accepted (it is journaled).</summary>
    public const int MaxReasonLength = 500;

    private readonly ISessionStore _store;
    private readonly SessionCache _cache;
    private readonly ISessionKeySource _keys;
    private readonly ISessionRoleSource _roles;
    private readonly ISessionAudit _audit;
    private readonly TimeProvider _time;
    private readonly SessionOptions _options;
    private readonly IdentityOptions _identity;
    private readonly ISessionApprovalGate? _approvals;

    internal SessionService(
        ISessionStore store,
        SessionCache cache,
        ISessionKeySource keys,
        ISessionRoleSource roles,
        ISessionAudit audit,
        IOptions<SessionOptions> options,
        IOptions<IdentityOptions> identity,
        TimeProvider time,
        ISessionApprovalGate? approvals = null)
    {
        _store = store;
        _cache = cache;
        _keys = keys;
        _roles = roles;
        _audit = audit;
        _options = options.Value;
        _identity = identity.Value;
        _time = time;
        _approvals = approvals;
    }

    /// <summary>Starts a session for <paramref name="person"/>.</summary>
    public async Task<SessionOutcome<StartedSession>> StartAsync(SignedInPerson person, SessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        if (RecentSignIn.Check(person, _identity, _time) is { } stale)
        {
            return await RefuseAsync(person, StatusCodes.Status401Unauthorized, "starting a session " + stale, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(request.Connection) || string.IsNullOrWhiteSpace(request.Role))
        {
            return Fail<StartedSession>(StatusCodes.Status400BadRequest, "connection and role are required");
        }

        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReasonLength)
        {
            return Fail<StartedSession>(StatusCodes.Status400BadRequest, $"a reason (1-{MaxReasonLength} characters) is required: it is journaled with the session");
        }

        var ttl = TimeSpan.FromSeconds(_options.DefaultTtlSeconds);
        if (request.Ttl is not null && !SessionTtl.TryParse(request.Ttl, out ttl))
        {
            return Fail<StartedSession>(StatusCodes.Status400BadRequest, $"ttl \"{request.Ttl}\" is not a duration such as 30m, 1h or 1h30m");
        }

        var (grant, refusal) = RoleMapping.Resolve(person, _roles, request.Role, request.Connection);
        if (grant is null)
        {
            return await RefuseAsync(person, StatusCodes.Status403Forbidden, refusal!, cancellationToken);
        }

        if (ttl > grant.MaxSession)
        {
            ttl = grant.MaxSession;
        }

        var id = SessionToken.NewSessionId();
        var token = SessionToken.Create(id);
        var session = new Session(id, person.User, grant.Groups, grant.Role, grant.Connection, now + ttl);
        var keys = await _keys.GetKeysAsync(cancellationToken);
        if (SecretStoreSessionStore.TooLong(session) is { } tooLong)
        {
            return Fail<StartedSession>(StatusCodes.Status400BadRequest, tooLong);
        }

        SessionApprovalResult? approved = null;
        if (_roles.Roles.FirstOrDefault(r => r.Name == grant.Role) is { SessionApprovers: { Count: > 0 } approvers } gated)
        {
            if (_approvals is null)
            {
                // Fail closed: a role that needs an approval to start a session never starts one without it.
                return await RefuseAsync(
                    person,
                    StatusCodes.Status403Forbidden,
                    $"role '{grant.Role}' needs an approval by {string.Join(" or ", approvers)} to start a session, and session approvals are not available on this gateway",
                    cancellationToken);
            }

            var ask = new SessionApprovalAsk
            {
                User = person.User,
                Role = grant.Role,
                Connection = grant.Connection,
                Ttl = ttl,
                Reason = reason,
                Approvers = approvers,
                Timeout = gated.SessionApprovalTimeout,
            };
            var result = await _approvals.AwaitAsync(ask, cancellationToken);
            switch (result.State)
            {
                case SessionApprovalState.Pending:
                    return SessionOutcome<StartedSession>.Accepted(result.ApprovalId, result.Message);
                case SessionApprovalState.Refused:
                    return await RefuseAsync(person, StatusCodes.Status403Forbidden, result.Message, cancellationToken);
            }

            // The session's lifetime runs from now, not from the first ask.
            approved = result;
            session = session with { ExpiresAt = _time.GetUtcNow() + ttl };
        }

        // Journal first (fail closed): a session the journal does not know of never exists.
        await _audit.SessionStartedAsync(session, reason, cancellationToken);
        await _store.CreateAsync(session, keys.HashToken(token), cancellationToken);
        if (approved is not null)
        {
            await _approvals!.StartedAsync(approved, session, cancellationToken);
        }

        return SessionOutcome<StartedSession>.Ok(new StartedSession(session, token));
    }

    /// <summary>The sessions of <paramref name="person"/>, newest expiry first.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(SignedInPerson person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var now = _time.GetUtcNow();
        var list = new List<SessionSummary>();
        await foreach (var stored in _store.ListAsync(person.User, cancellationToken))
        {
            var s = stored.Session;
            var state = !stored.Enabled ? "ended" : s.ExpiresAt <= now ? "expired" : "active";
            list.Add(new SessionSummary(s.Id, s.Role, s.Connection, s.ExpiresAt, state));
        }

        return [.. list.OrderByDescending(s => s.ExpiresAt)];
    }

    /// <summary>Ends session <paramref name="id"/> of <paramref name="person"/> early.</summary>
    public async Task<SessionOutcome<SessionSummary>> EndAsync(SignedInPerson person, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var stored = SessionToken.IsSessionId(id) ? await _store.GetAsync(id, cancellationToken) : null;
        if (stored is { Enabled: false })
        {
            // Already ended: Key Vault does not show a disabled secret's tags, and ending it again changes nothing.
            return SessionOutcome<SessionSummary>.Ok(new SessionSummary(id, "", "", stored.Session.ExpiresAt, "ended"));
        }

        if (stored is null || !string.Equals(stored.Session.User, person.User, StringComparison.Ordinal))
        {
            // Someone else's session is reported as absent, not as forbidden: ids are not for probing.
            return Fail<SessionSummary>(StatusCodes.Status404NotFound, $"you have no session \"{id}\"");
        }

        await _store.EndAsync(id, cancellationToken);
        _cache.Forget(id);
        await _audit.SessionEndedAsync(stored.Session, person.User, cancellationToken);
        var s = stored.Session;
        return SessionOutcome<SessionSummary>.Ok(new SessionSummary(s.Id, s.Role, s.Connection, s.ExpiresAt, "ended"));
    }

    private static SessionOutcome<T> Fail<T>(int code, string message)
        where T : class => SessionOutcome<T>.Fail(code, message);

    private async Task<SessionOutcome<StartedSession>> RefuseAsync(SignedInPerson person, int code, string message, CancellationToken cancellationToken)
    {
        await _audit.RefusedAsync(
            new AccessRefusal { Route = "/sessions", StatusCode = code, Reason = message, User = person.User, At = _time.GetUtcNow() },
            cancellationToken);
        return SessionOutcome<StartedSession>.Fail(code, message);
    }
}
