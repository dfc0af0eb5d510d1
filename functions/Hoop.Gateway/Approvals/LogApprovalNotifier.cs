using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Approvals;

/// <summary>
/// Tells approvers through the gateway's log that an approval waits (<c>hoop serve --demo</c>, where no Teams or mail is
/// configured): the request in kubectl terms and the command that decides it. Never the body.
/// </summary>
public sealed partial class LogApprovalNotifier : IApprovalNotifier
{
    private readonly ILogger<LogApprovalNotifier> _logger;

    /// <summary>Creates the notifier over the gateway's logger.</summary>
    public LogApprovalNotifier(ILogger<LogApprovalNotifier> logger) => _logger = logger;

    /// <inheritdoc />
    public string Channel => "log";

    /// <inheritdoc />
    public Task NotifyAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var resource = request.Subresource.Length == 0 ? request.Resource : request.Resource + "/" + request.Subresource;
        var target = request.Namespace.Length == 0 ? request.Name : request.Namespace + "/" + request.Name;
        ApprovalWaits(_logger, request.ApprovalId, request.Requester, request.Verb, resource, target, request.Rule, string.Join(", ", request.ApproverGroups), request.ApprovalId);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 7101, EventName = "ApprovalWaits", Level = LogLevel.Information,
        Message = "Approval {ApprovalId} waits: {Requester} asks to {Verb} {Resource} {Target} (rule {Rule}, approvers {Groups}); decide with 'hoop approvals approve|deny {Command}'")]
    private static partial void ApprovalWaits(ILogger logger, string approvalId, string requester, string verb, string resource, string target, string rule, string groups, string command);
}
