using System.Globalization;

namespace Hoop.Gateway.Recording;

/// <summary>One line of a session timeline (replay): time, verb, resource, decision, status, approver.</summary>
internal sealed record TimelineRow(string Time, string Verb, string Resource, string Decision, string Status, string Approver, string Detail)
{
    public static TimelineRow From(AuditEvent e)
    {
        var info = e.Info;
        var resource = info.IsResourceRequest
            ? string.Join('/', new[] { info.Resource, info.Subresource }.Where(s => s.Length > 0))
                + (info.Name.Length > 0 ? " " + (info.Namespace.Length > 0 ? info.Namespace + "/" : "") + info.Name
                    : info.Namespace.Length > 0 ? " -n " + info.Namespace : "")
            : e.Target;
        var decision = e.Decision + (e.Rule is { Length: > 0 } rule ? $" ({rule})" : "");
        var status = e.Status?.ToString(CultureInfo.InvariantCulture) ?? "(no response)";
        var detail = e.Status >= 400 && e.Error is { Length: > 0 } error ? error : e.Masked == true ? "masked" : "";
        return new TimelineRow(KubernetesAuditEvent.MicroTime(e.ReceivedAt), info.Verb, resource, decision, status, e.Approver ?? "", detail);
    }

    public static TimelineRow From(SessionEvent e)
        => new(KubernetesAuditEvent.MicroTime(e.Time), e.Kind == JournalRecordKind.SessionStarted ? "session start" : "session end", e.User, "", "", "", e.Detail);
}
