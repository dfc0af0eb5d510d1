namespace Hoop.Gateway.Approvals;

/// <summary>Who is deciding: resolves a bearer token to an <see cref="Approver"/> (null when unknown).</summary>
public interface IApproverAuthenticator
{
    /// <summary>Resolves the token; null when it is not a known person's.</summary>
    ValueTask<Approver?> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken = default);
}
