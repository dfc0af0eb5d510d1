using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Logs;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// <c>pods/{name}/log</c>: a container's lines as text/plain, with <c>container</c>, <c>tailLines</c>,
/// <c>timestamps</c>, <c>sinceSeconds</c>, <c>limitBytes</c> and <c>follow</c> (new lines are flushed as they are appended).
/// </summary>
internal static class LogHandler
{
    public static async Task HandleAsync(HttpContext context, ClusterContext cluster, ResourcePath path)
    {
        var pod = cluster.Store.Find(path.Type, path.Namespace, path.Name)?.ToNode() ?? throw new ApiException(ApiStatus.NotFound(path.Type, path.Name));
        var container = Container(pod, path.Name, RequestQuery.Get(context, "container"));
        if (RequestQuery.Bool(context, "previous"))
        {
            throw new ApiException(ApiStatus.BadRequest($"previous terminated container \"{container}\" in pod \"{path.Name}\" not found"));
        }

        var timestamps = RequestQuery.Bool(context, "timestamps");
        var tail = RequestQuery.Long(context, "tailLines");
        var since = RequestQuery.Long(context, "sinceSeconds") is { } seconds ? cluster.Time.GetUtcNow().AddSeconds(-seconds) : DateTimeOffset.MinValue;
        var limit = RequestQuery.Long(context, "limitBytes") ?? long.MaxValue;
        var follow = RequestQuery.Bool(context, "follow");

        using var follower = follow ? cluster.Logs.Follow(path.Namespace, path.Name, container) : null;
        IEnumerable<LogLine> backlog = follower?.Backlog ?? cluster.Logs.Read(path.Namespace, path.Name, container);
        backlog = backlog.Where(l => l.Time >= since);
        if (tail is >= 0)
        {
            backlog = backlog.TakeLast((int)tail.Value);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var written = 0L;
        foreach (var line in backlog)
        {
            if (!await WriteLineAsync(context, line, timestamps, limit, written, context.RequestAborted))
            {
                return;
            }

            written += Format(line, timestamps).Length;
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (follower is null)
        {
            return;
        }

        await foreach (var line in follower.Lines.ReadAllAsync(context.RequestAborted))
        {
            if (!await WriteLineAsync(context, line, timestamps, limit, written, context.RequestAborted))
            {
                return;
            }

            written += Format(line, timestamps).Length;
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static string Container(JsonObject pod, string podName, string requested)
    {
        var names = (pod["spec"]?["containers"] as JsonArray ?? []).Select(c => Json.GetString(c, "name") ?? "").ToList();
        if (requested.Length > 0)
        {
            return names.Contains(requested) || (pod["spec"]?["initContainers"] as JsonArray ?? []).Any(c => Json.GetString(c, "name") == requested)
                ? requested
                : throw new ApiException(ApiStatus.BadRequest($"container {requested} is not valid for pod {podName}"));
        }

        return names.Count == 1
            ? names[0]
            : throw new ApiException(ApiStatus.BadRequest($"a container name must be specified for pod {podName}, choose one of: [{string.Join(" ", names)}]"));
    }

    private static async Task<bool> WriteLineAsync(HttpContext context, LogLine line, bool timestamps, long limit, long written, CancellationToken cancellationToken)
    {
        var bytes = Format(line, timestamps);
        if (written >= limit)
        {
            return false;
        }

        var count = (int)Math.Min(bytes.Length, limit - written);
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, count), cancellationToken);
        return count == bytes.Length;
    }

    private static byte[] Format(LogLine line, bool timestamps) =>
        Encoding.UTF8.GetBytes(timestamps
            ? $"{line.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture)} {line.Text}\n"
            : line.Text + "\n");
}
