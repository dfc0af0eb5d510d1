using System.Globalization;

namespace Hoop.Gateway.Sessions;

/// <summary>Parses session lifetimes written as Go durations of hours, minutes and seconds (<c>1h30m</c>, <c>45m</c>, <c>90s</c>).</summary>
public static class SessionTtl
{
    /// <summary>Parses <paramref name="text"/>; false for anything else (fractions, days, signs, empty, zero).</summary>
    public static bool TryParse(string? text, out TimeSpan ttl)
    {
        ttl = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        var lastUnit = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length || i - start > 6)
            {
                return false;
            }

            var value = int.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = text[i++] switch { 'h' => 3, 'm' => 2, 's' => 1, _ => 0 };
            if (unit == 0 || (lastUnit != 0 && unit >= lastUnit))
            {
                return false;
            }

            lastUnit = unit;
            ttl += unit switch { 3 => TimeSpan.FromHours(value), 2 => TimeSpan.FromMinutes(value), _ => TimeSpan.FromSeconds(value) };
        }

        return ttl > TimeSpan.Zero;
    }
}
