using System.Text.Json;
using System.Text.Json.Serialization;
using Hoop.Gateway.Hosting;
using Hoop.Gateway.Identity;
using Hoop.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Sessions;

/// <summary>
/// The HTTP side of <see cref="SessionService"/>, shared by both hosts: <c>POST /sessions</c> (start: session id, expiry
/// and the agent's kubeconfig), <c>GET /sessions</c> (mine), <c>DELETE /sessions/{id}</c> (end early). Every call needs
/// a signed-in person; errors are Kubernetes <c>Status</c> objects.
/// </summary>
public sealed class SessionsEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly IPersonAuthenticator _people;
    private readonly SessionService _sessions;
    private readonly GatewayAddress _address;

    internal SessionsEndpoint(IPersonAuthenticator people, SessionService sessions, GatewayAddress address)
    {
        _people = people;
        _sessions = sessions;
        _address = address;
    }

    /// <summary><c>POST /sessions</c>.</summary>
    public async Task StartAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await SignInAsync(context);
        if (person is null)
        {
            return;
        }

        SessionRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SessionRequest>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            await GatewayRefusal.BadRequest("the body must be JSON: {\"connection\", \"role\", \"ttl\", \"reason\"}").WriteAsync(context);
            return;
        }

        if (_address.BaseUrl is not { } baseUrl)
        {
            await GatewayRefusal.Unavailable("the gateway does not know its public address (Hoop:PublicBaseUrl)").WriteAsync(context);
            return;
        }

        var outcome = await _sessions.StartAsync(person, request, context.RequestAborted);
        if (outcome.ApprovalId is { } approvalId)
        {
            await WriteAsync(context, StatusCodes.Status202Accepted, new { approvalId, state = "pending", message = outcome.Failure });
            return;
        }

        if (!outcome.Succeeded)
        {
            await new GatewayRefusal(outcome.StatusCode, ReasonOf(outcome.StatusCode), outcome.Failure).WriteAsync(context);
            return;
        }

        var (session, token) = outcome.Value;
        var kubeconfig = AgentKubeconfig.Render(baseUrl, session.Connection, token, _address.CertificateAuthorityPem);
        await WriteAsync(context, StatusCodes.Status201Created, new
        {
            id = session.Id,
            user = session.User,
            role = session.Role,
            connection = session.Connection,
            expiresAt = session.ExpiresAt,
            kubeconfig,
        });
    }

    /// <summary><c>GET /sessions</c>.</summary>
    public async Task ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await SignInAsync(context);
        if (person is not null)
        {
            var items = await _sessions.ListAsync(person, context.RequestAborted);
            await WriteAsync(context, StatusCodes.Status200OK, new { user = person.User, items });
        }
    }

    /// <summary><c>DELETE /sessions/{id}</c>.</summary>
    public async Task EndAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await SignInAsync(context);
        if (person is null)
        {
            return;
        }

        var outcome = await _sessions.EndAsync(person, id, context.RequestAborted);
        if (!outcome.Succeeded)
        {
            await new GatewayRefusal(outcome.StatusCode, ReasonOf(outcome.StatusCode), outcome.Failure).WriteAsync(context);
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, outcome.Value);
    }

    private static string ReasonOf(int code) => code switch
    {
        StatusCodes.Status400BadRequest => "BadRequest",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "NotFound",
        _ => "InternalError",
    };

    private static async Task WriteAsync(HttpContext context, int code, object body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }

    private async Task<SignedInPerson?> SignInAsync(HttpContext context)
    {
        var result = await _people.AuthenticateAsync(context.Request, context.RequestAborted);
        if (result.Succeeded)
        {
            return result.Person;
        }

        await new GatewayRefusal(result.StatusCode, ReasonOf(result.StatusCode), result.Failure).WriteAsync(context);
        return null;
    }
}
