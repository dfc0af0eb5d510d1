using System.Text;
using Hoop.Gateway.Masking;
using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Approvals;

/// <summary>What approvers are shown of an approval's body (page, card, e-mail): masked exactly as the journal masks a request body.</summary>
internal static class ApprovalBody
{
    /// <summary>The body masked for the requesting session as its content type; empty when there is none.</summary>
    public static string Mask(ApprovalRequest request, IResponseMasker masker)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(masker);
        if (request.Body.Length == 0)
        {
            return "";
        }

        var session = new Session(request.SessionId, request.Requester, [], "", request.Connection, request.ExpiresAt);
        var info = new RequestInfo
        {
            IsResourceRequest = request.Resource.Length > 0,
            Path = request.Target,
            Verb = request.Verb,
            ApiGroup = request.ApiGroup,
            Namespace = request.Namespace,
            Resource = request.Resource,
            Subresource = request.Subresource,
            Name = request.Name,
        };
        var masked = masker.MaskBody(Encoding.UTF8.GetBytes(request.Body), request.ContentType, new MaskingContext(session, info, request.ContentType));
        return Encoding.UTF8.GetString(masked.Span);
    }
}
