using Hoop.Gateway.Policy;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// How long approval ledger rows are kept. Every row belongs to one session (its generations, claims, pending count,
/// the consumption of its approvals, the use of their links), so a row is dead once its session and the approvals it
/// asked for have ended; deleting it earlier would let a consumed approval be consumed again.
/// </summary>
internal static class ApprovalLedgerRetention
{
    /// <summary>Slack on top of the longest session and approval: clock skew, a purge that runs late.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromDays(2);

    /// <summary>
    /// Rows last written before this time may be purged: the configured retention, but never less than the longest
    /// <c>maxSession</c> plus the longest approval timeout of <paramref name="policy"/> plus <see cref="Margin"/>.
    /// </summary>
    public static DateTimeOffset Cutoff(ApprovalLedgerOptions options, PolicyDocument policy, TimeSpan defaultTimeout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        var longestSession = policy.Roles.Values.Select(r => r.MaxSession).DefaultIfEmpty(TimeSpan.Zero).Max();
        var longestApproval = policy.Roles.Values.SelectMany(r => r.Rules).Select(r => r.Timeout ?? defaultTimeout).DefaultIfEmpty(defaultTimeout).Max();
        var floor = longestSession + longestApproval + Margin;
        var configured = TimeSpan.FromDays(options.RetentionDays);
        return now - (configured > floor ? configured : floor);
    }
}
