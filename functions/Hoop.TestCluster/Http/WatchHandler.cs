using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Hoop.TestCluster.Api;
using Hoop.TestCluster.Selectors;
using Hoop.TestCluster.Store;
using Hoop.TestCluster.Tables;
using Microsoft.AspNetCore.Http;

namespace Hoop.TestCluster.Http;

/// <summary>
/// A watch: newline-delimited JSON frames <c>{"type":...,"object":...}</c>, each flushed as it happens.
/// Selectors filter as the apiserver's cache does: an object that stops matching arrives as DELETED, one that
/// starts matching as ADDED. With <c>sendInitialEvents=true</c> and bookmarks allowed, the initial state ends with
/// a BOOKMARK annotated <c>k8s.io/initial-events-end</c>.
/// </summary>
internal sealed class WatchHandler(ClusterContext cluster)
{
    private const string Bookmark = "BOOKMARK";

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        var labels = LabelSelector.Parse(RequestQuery.Get(context, "labelSelector"));
        var fields = FieldSelector.Parse(RequestQuery.Get(context, "fieldSelector"), path.Type);
        var sendInitialEvents = RequestQuery.Bool(context, "sendInitialEvents");
        var bookmarks = RequestQuery.Bool(context, "allowWatchBookmarks");
        var timeout = RequestQuery.Long(context, "timeoutSeconds") is > 0 and long seconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
        var format = ResponseFormat.FromAccept(context.Request.Headers.Accept);
        var table = format.IsTable ? new TableWriter(path.Type, format.TableVersion!, context.Request.Query["includeObject"], cluster.Time) : null;

        using var watcher = cluster.Store.Watch(path.Type, path.Namespace, RequestQuery.Get(context, "resourceVersion"), sendInitialEvents);
        using var timeoutSource = new CancellationTokenSource(timeout, cluster.Time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeoutSource.Token);

        // The watch content type is plain application/json, Tables included (the apiserver's serveWatchHandler).
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = Responses.JsonContentType;
        await context.Response.StartAsync(stop.Token);

        // Send the headers now: a client waits for them before it makes the change it watches for.
        await context.Response.BodyWriter.FlushAsync(stop.Token);
        if (watcher.Error is { } error)
        {
            await WriteFrameAsync(context, "ERROR", writer => Responses.WriteStatus(writer, error), stop.Token);
            return;
        }

        var initial = watcher.InitialEventCount;
        var headersSent = false;
        try
        {
            if (initial == 0 && sendInitialEvents && bookmarks)
            {
                await WriteInitialEventsEndAsync(context, path.Type, watcher.StartResourceVersion, stop.Token);
            }

            await foreach (var change in watcher.Events.ReadAllAsync(stop.Token))
            {
                if (Filter(change, labels, fields) is { } type)
                {
                    await WriteFrameAsync(context, type, writer =>
                    {
                        if (table is null)
                        {
                            writer.WriteRawValue(change.Object.Utf8, skipInputValidation: true);
                        }
                        else
                        {
                            table.Write(writer, [change.Object], change.Object.ResourceVersion, withHeaders: !headersSent);
                            headersSent = true;
                        }
                    }, stop.Token);
                }

                if (--initial == 0 && sendInitialEvents && bookmarks)
                {
                    await WriteInitialEventsEndAsync(context, path.Type, watcher.StartResourceVersion, stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // timeoutSeconds passed or the client left: the watch ends as the apiserver ends it, by closing the stream.
        }
    }

    private static string? Filter(WatchEvent change, LabelSelector labels, FieldSelector fields)
    {
        var matches = labels.Matches(change.Object.Labels) && fields.Matches(change.Object);
        if (change.Type != WatchEvent.Modified || change.Previous is null)
        {
            return matches ? change.Type : null;
        }

        var matched = labels.Matches(change.Previous.Labels) && fields.Matches(change.Previous);
        return (matched, matches) switch
        {
            (true, true) => WatchEvent.Modified,
            (false, true) => WatchEvent.Added,
            (true, false) => WatchEvent.Deleted,
            _ => null,
        };
    }

    private static Task WriteInitialEventsEndAsync(HttpContext context, ResourceType type, long resourceVersion, CancellationToken cancellationToken) =>
        WriteFrameAsync(context, Bookmark, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", type.Kind);
            writer.WriteString("apiVersion", type.ApiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
            writer.WriteNull("creationTimestamp");
            writer.WriteStartObject("annotations");
            writer.WriteString("k8s.io/initial-events-end", "true");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken);

    private static async Task WriteFrameAsync(HttpContext context, string type, Action<Utf8JsonWriter> writeObject, CancellationToken cancellationToken)
    {
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Json.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            writeObject(writer);
            writer.WriteEndObject();
        }

        context.Response.BodyWriter.Write("\n"u8);
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }
}
