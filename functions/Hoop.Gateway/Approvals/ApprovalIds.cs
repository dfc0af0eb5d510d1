using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hoop.Gateway.Approvals;

/// <summary>Approval ids: derived from session, fingerprint and generation, so identical retries find the same approval.</summary>
internal static class ApprovalIds
{
    public static string For(string sessionId, string fingerprint, int generation)
    {
        var text = string.Join('\n', sessionId, fingerprint, generation.ToString(CultureInfo.InvariantCulture));
        return "ap-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }
}
