using System.Globalization;

namespace Hoop.TestCluster.Tables;

/// <summary>Ages as kubectl prints them (<c>5m</c>, <c>3h12m</c>, <c>2d</c>): a port of k8s.io/apimachinery/pkg/util/duration.HumanDuration.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text(seconds, "s");
        }

        var minutes = (long)duration.TotalMinutes;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? Text(minutes, "m") : Text(minutes, "m") + Text(s, "s");
        }

        if (minutes < 180)
        {
            return Text(minutes, "m");
        }

        var hours = (long)duration.TotalHours;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? Text(hours, "h") : Text(hours, "h") + Text(m, "m");
        }

        if (hours < 48)
        {
            return Text(hours, "h");
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? Text(hours / 24, "d") : Text(hours / 24, "d") + Text(h, "h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Text(hours / 24, "d");
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? Text(hours / 24 / 365, "y") : Text(hours / 24 / 365, "y") + Text(days, "d");
        }

        return Text(hours / 24 / 365, "y");
    }

    private static string Text(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
