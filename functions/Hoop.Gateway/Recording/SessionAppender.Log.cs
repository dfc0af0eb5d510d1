using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Recording;

internal sealed partial class SessionAppender
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Journal write for session {SessionId} failed")]
        public static partial void WriteFailed(ILogger logger, string sessionId, Exception exception);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Journal sequence {Sequence} of session {SessionId} was taken by another writer; re-reading the head")]
        public static partial void Conflict(ILogger logger, string sessionId, long sequence);
    }
}
