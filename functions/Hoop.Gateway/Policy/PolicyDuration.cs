using System.Globalization;
using System.Text.RegularExpressions;

namespace Hoop.Gateway.Policy;

/// <summary>Durations as the policy writes them: hours, minutes and seconds in that order (<c>90s</c>, <c>15m</c>, <c>1h30m</c>).</summary>
internal static partial class PolicyDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        long seconds = 0;
        if (match.Groups["h"].Success)
        {
            seconds += long.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) * 3600;
        }

        if (match.Groups["m"].Success)
        {
            seconds += long.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) * 60;
        }

        if (match.Groups["s"].Success)
        {
            seconds += long.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex("^(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,6})m)?(?:(?<s>[0-9]{1,6})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
