using System.Text;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>A request written the way a cluster admin reads kubectl: <c>verb resource[.group][/subresource] [name] [-n namespace]</c>.</summary>
internal static class KubectlText
{
    /// <summary>For example <c>patch deployments.apps/scale web -n default</c>; non-resource requests read <c>post /path</c>.</summary>
    public static string Command(ApprovalRequest request, string? nameFromBody = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource.Length == 0)
        {
            var path = request.Target;
            var query = path.IndexOf('?', StringComparison.Ordinal);
            return (request.Verb.Length > 0 ? request.Verb : request.Method.ToLowerInvariant()) + " " + (query < 0 ? path : path[..query]);
        }

        var text = new StringBuilder(request.Verb).Append(' ').Append(request.Resource);
        if (request.ApiGroup.Length > 0)
        {
            text.Append('.').Append(request.ApiGroup);
        }

        if (request.Subresource.Length > 0)
        {
            text.Append('/').Append(request.Subresource);
        }

        var name = request.Name.Length > 0 ? request.Name : nameFromBody;
        if (!string.IsNullOrEmpty(name))
        {
            text.Append(' ').Append(name);
        }

        if (request.Namespace.Length > 0)
        {
            text.Append(" -n ").Append(request.Namespace);
        }

        return text.ToString();
    }
}
