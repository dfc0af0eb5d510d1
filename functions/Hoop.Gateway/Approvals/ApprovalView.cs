using System.Text;
using Hoop.Gateway.Masking;

namespace Hoop.Gateway.Approvals;

/// <summary>What an approver is shown of an approval: the request in kubectl terms and its body, masked as the journal masks it.</summary>
internal sealed record ApprovalView(ApprovalRequest Request, string KubectlTerms, string MaskedBody)
{
    /// <summary>The longest body shown in full; a longer one is cut (the fingerprint still covers all of it).</summary>
    public const int MaxBodyChars = 64 * 1024;

    /// <summary>Builds the view; the body goes through <paramref name="masker"/> like a request body before it is journaled.</summary>
    public static ApprovalView Create(ApprovalRequest request, IResponseMasker masker)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(masker);
        var body = ApprovalBody.Mask(request, masker);
        if (body.Length > MaxBodyChars)
        {
            body = body[..MaxBodyChars] + "\n… (cut: " + body.Length + " characters in all)";
        }

        return new ApprovalView(request, Terms(request), body);
    }

    /// <summary>The request as kubectl would name it: <c>patch deployments.apps/web --subresource=scale -n default</c>.</summary>
    public static string Terms(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource.Length == 0)
        {
            return (request.Verb.Length > 0 ? request.Verb : request.Method.ToLowerInvariant()) + " " + request.Target;
        }

        var terms = new StringBuilder(request.Verb).Append(' ').Append(request.Resource);
        if (request.ApiGroup.Length > 0)
        {
            terms.Append('.').Append(request.ApiGroup);
        }

        if (request.Name.Length > 0)
        {
            terms.Append('/').Append(request.Name);
        }

        if (request.Subresource.Length > 0)
        {
            terms.Append(" --subresource=").Append(request.Subresource);
        }

        if (request.Namespace.Length > 0)
        {
            terms.Append(" -n ").Append(request.Namespace);
        }

        return terms.ToString();
    }
}
