using System.Globalization;
using System.Text;
using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Upstream;

/// <summary>
/// Bounds long-lived responses below the platform's response limit: a watch gets <c>timeoutSeconds</c> capped so the API
/// server ends it cleanly; a followed log stream gets a deadline at which the gateway ends it cleanly.
/// </summary>
internal static class StreamBounds
{
    public const string TimeoutSeconds = "timeoutSeconds";

    /// <summary>Extra time past a watch's own timeout before the gateway ends the body itself (a safety net only).</summary>
    public static readonly TimeSpan WatchGrace = TimeSpan.FromSeconds(15);

    /// <summary>Whether the request is <c>logs -f</c>: <c>get pods/log</c> with <c>follow</c> true by Go's ParseBool.</summary>
    public static bool IsFollowedLog(RequestInfo info, QueryParameters query)
        => info is { Verb: "get", Resource: "pods", Subresource: "log" } && query.Get("follow") is "1" or "t" or "T" or "true" or "TRUE" or "True";

    /// <summary>
    /// Returns <paramref name="rawQuery"/> with <c>timeoutSeconds</c> at most <paramref name="maxSeconds"/>: kept when it is
    /// already a positive integer within the bound, replaced otherwise, appended when absent. Other pairs keep their bytes.
    /// </summary>
    public static string CapWatchTimeout(string rawQuery, QueryParameters query, int maxSeconds)
    {
        var current = query.Get(TimeoutSeconds);
        if (current is not null && long.TryParse(current, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= maxSeconds)
        {
            return rawQuery;
        }

        var bounded = $"{TimeoutSeconds}={maxSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (current is null)
        {
            return rawQuery.Length == 0 ? bounded : rawQuery + "&" + bounded;
        }

        // The normaliser refused duplicates, so exactly one pair decodes to timeoutSeconds: replace it.
        var result = new StringBuilder(rawQuery.Length + 8);
        foreach (var pair in rawQuery.Split('&'))
        {
            if (result.Length > 0)
            {
                result.Append('&');
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            result.Append(key == TimeoutSeconds ? bounded : pair);
        }

        return result.ToString();
    }
}
