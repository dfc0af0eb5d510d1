using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Approvals;

/// <summary>Fixed tokens of known people (the demo's users); compared in constant time.</summary>
internal sealed class StaticApproverAuthenticator : IApproverAuthenticator
{
    private readonly IReadOnlyList<KeyValuePair<string, Approver>> _people;

    public StaticApproverAuthenticator(IReadOnlyList<KeyValuePair<string, Approver>> people) => _people = people;

    public ValueTask<Approver?> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(bearerToken))
        {
            return ValueTask.FromResult<Approver?>(null);
        }

        var presented = Encoding.UTF8.GetBytes(bearerToken);
        foreach (var (token, person) in _people)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token)))
            {
                return ValueTask.FromResult<Approver?>(person);
            }
        }

        return ValueTask.FromResult<Approver?>(null);
    }
}
