using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Hoop.Gateway.Pipeline;

public sealed partial class GatewayPipeline
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Request {AuditId} refused with {StatusCode}: {Reason}")]
        public static partial void Refused(ILogger logger, string auditId, int statusCode, string reason);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Stage {Stage} failed for request {AuditId}; nothing was forwarded")]
        public static partial void StageFailed(ILogger logger, string stage, string auditId, Exception exception);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Forwarding request {AuditId} failed: {Error}")]
        public static partial void ForwardFailed(ILogger logger, string auditId, ForwarderError error);
    }
}
