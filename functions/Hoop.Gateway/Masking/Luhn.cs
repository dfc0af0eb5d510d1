namespace Hoop.Gateway.Masking;

/// <summary>Payment card checks: the Luhn checksum and the issuer ranges in use (so random digits rarely qualify).</summary>
internal static class Luhn
{
    public static bool IsValid(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// Whether the number starts with a current issuer range for its length: Visa 4; Mastercard 51–55 and 2221–2720;
    /// American Express 34, 37; Discover 6011, 622126–622925, 644–649, 65; JCB 3528–3589; Diners 300–305, 36, 38, 39;
    /// UnionPay 62, 81; Maestro 50, 56–69; Mir 2200–2204; RuPay 60, 65, 81, 82, 508; Verve 506, 650.
    /// </summary>
    public static bool HasIssuerPrefix(ReadOnlySpan<byte> digits)
    {
        var length = digits.Length;
        var p2 = (digits[0] * 10) + digits[1];
        var p4 = (p2 * 100) + (digits[2] * 10) + digits[3];
        return digits[0] switch
        {
            4 => length is 13 or 16 or 19,
            5 => (p2 is >= 51 and <= 55 && length == 16) || (p2 is 50 or >= 56 && length is >= 12 and <= 19),
            2 => (p4 is >= 2221 and <= 2720 && length == 16) || (p4 is >= 2200 and <= 2204 && length is >= 16 and <= 19),
            3 => (p2 is 34 or 37 && length == 15) || (p4 is >= 3528 and <= 3589 && length is >= 16 and <= 19)
                || (p2 is 30 && digits[2] <= 5 && length is >= 14 and <= 19) || (p2 is 36 or 38 or 39 && length is >= 14 and <= 19),
            6 => length is >= 12 and <= 19,
            8 => p2 is 81 or 82 && length is >= 16 and <= 19,
            _ => false,
        };
    }
}
