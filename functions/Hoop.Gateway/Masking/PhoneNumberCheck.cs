using PhoneNumbers;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Phone numbers valid per libphonenumber with strict grouping: the digits must form a number valid in its region and be
/// grouped as that region writes them, so <c>2025-000731</c> (a valid US number, badly grouped) is not one.
/// </summary>
internal sealed class PhoneNumberCheck(IReadOnlyList<string> regions)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public bool IsPhoneNumber(string candidate)
    {
        foreach (var region in regions)
        {
            foreach (var match in Util.FindNumbers(candidate, region, PhoneNumberUtil.Leniency.STRICT_GROUPING, 5))
            {
                if (match.Start == 0 && match.Length == candidate.Length)
                {
                    return true;
                }
            }

            if (candidate.StartsWith('+'))
            {
                // A number with its country code is judged once, whatever the region.
                break;
            }
        }

        return false;
    }
}
