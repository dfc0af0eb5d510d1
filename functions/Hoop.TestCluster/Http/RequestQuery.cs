using System.Globalization;
using Hoop.TestCluster.Api;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>Query parameters read as the apiserver reads them (booleans by Go's strconv.ParseBool).</summary>
internal static class RequestQuery
{
    public static string Get(HttpContext context, string name) => context.Request.Query[name].FirstOrDefault() ?? "";

    public static bool Bool(HttpContext context, string name) => Get(context, name) is "1" or "t" or "T" or "true" or "TRUE" or "True";

    public static long? Long(HttpContext context, string name)
    {
        var text = Get(context, name);
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiException(ApiStatus.BadRequest($"invalid value for {name}: \"{text}\""));
    }

    /// <summary><c>dryRun=All</c>; any other value is refused as the apiserver refuses it.</summary>
    public static bool DryRun(HttpContext context)
    {
        var values = context.Request.Query["dryRun"];
        foreach (var value in values)
        {
            if (value != "All")
            {
                throw new ApiException(ApiStatus.BadRequest($"Invalid dryRun value: \"{value}\", the only supported value is \"All\""));
            }
        }

        return values.Count > 0;
    }
}
