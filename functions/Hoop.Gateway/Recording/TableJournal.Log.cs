using Microsoft.Extensions.Logging;

namespace Hoop.Gateway.Recording;

internal sealed partial class TableJournal
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "A response record could not be journaled; verify will report the request without its response")]
        public static partial void ResponseNotRecorded(ILogger logger, Exception exception);
    }
}
