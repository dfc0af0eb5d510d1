using System.Text.RegularExpressions;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// The e-mail addresses the gateway accepts in settings and the policy: a bare <c>local@domain</c>, no display name, no
/// comments, no quoted local part, a dotted domain of DNS labels (the same pattern as the policy schema's <c>emailAddress</c>).
/// </summary>
public static partial class EmailAddresses
{
    /// <summary>The pattern, as in <c>policy.schema.json</c>.</summary>
    public const string Pattern = @"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$";

    /// <summary>Whether <paramref name="value"/> is such an address (at most 254 characters).</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 254 && !value.Contains('\n', StringComparison.Ordinal) && Address().IsMatch(value);
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Address();
}
