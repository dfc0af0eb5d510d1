namespace Hoop.Gateway.Approvals;

/// <summary>No approver is known (the function app until the identity provider lands): every decision is refused.</summary>
internal sealed class DenyAllApproverAuthenticator : IApproverAuthenticator
{
    public ValueTask<Approver?> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken = default)
        => ValueTask.FromResult<Approver?>(null);
}
