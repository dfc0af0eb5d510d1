using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Policy;

internal sealed partial class PolicySource
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, EventName = "PolicyLoaded", Level = LogLevel.Information,
            Message = "Policy loaded from {Source} (version {Version}, {Warnings} warning(s))")]
        public static partial void PolicyLoaded(ILogger logger, string source, long version, int warnings);

        [LoggerMessage(EventId = 3002, EventName = "PolicyRejected", Level = LogLevel.Error,
            Message = "Policy from {Source} refused ({Errors} error(s)); the previous policy stays in force: {Problems}")]
        public static partial void PolicyRejected(ILogger logger, string source, int errors, string problems);

        [LoggerMessage(EventId = 3003, EventName = "PolicyReadFailed", Level = LogLevel.Error,
            Message = "Policy file {Source} could not be read; the previous policy stays in force")]
        public static partial void PolicyReadFailed(ILogger logger, string source, Exception exception);
    }
}
