using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Hoop.EndToEnd.Tests.Support;

/// <summary>
/// Sends one HTTP/1.1 request with its target byte for byte (HttpClient would normalise dot segments and escapes) over
/// TLS to the gateway, and reads the whole response.
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Code, string Body)> SendAsync(
        int port,
        string method,
        string rawTarget,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        });
        body ??= [];
        var request = new StringBuilder().Append(method).Append(' ').Append(rawTarget).Append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        request.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        await tls.WriteAsync(body);
        using var reader = new StreamReader(tls, Encoding.UTF8);
        var all = await reader.ReadToEndAsync();
        var code = int.Parse(all.Split(' ')[1], CultureInfo.InvariantCulture);
        var headerEnd = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var responseBody = all[(headerEnd + 4)..];
        return (code, all[..headerEnd].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(responseBody) : responseBody);
    }

    private static string Dechunk(string chunked)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[position..lineEnd], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
