namespace Hoop.Gateway.Requests;

/// <summary>The outcome of percent-decoding one URL component the way Go's <c>net/url</c> does.</summary>
internal enum GoUnescapeStatus
{
    /// <summary>Decoded; the result is valid UTF-8.</summary>
    Ok,

    /// <summary>A <c>%</c> not followed by two hexadecimal digits: Go's <c>url.EscapeError</c>.</summary>
    InvalidEscape,

    /// <summary>
    /// Decoded, but the bytes are not valid UTF-8. Go keeps such bytes in its string; a .NET string cannot,
    /// so the result holds U+FFFD in their place and must not be trusted as the API server's reading.
    /// </summary>
    InvalidUtf8,
}
