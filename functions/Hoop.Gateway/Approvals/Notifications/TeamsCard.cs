using System.Text.Json.Nodes;

namespace Hoop.Gateway.Approvals.Notifications;

/// <summary>
/// The Teams message for a workflow webhook: one Adaptive Card 1.4 attachment. Every value sits in a <c>TextRun</c> (which
/// Adaptive Cards never render as markdown) and goes through <see cref="InertText"/> (so no client links it); labels and
/// the three <c>Action.OpenUrl</c> buttons (signed page links) are the gateway's own.
/// </summary>
public static class TeamsCard
{
    /// <summary>The webhook payload for <paramref name="message"/>, as JSON text.</summary>
    public static string Create(ApprovalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Approval needed", ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true },
            Rich(Run(InertText.Line(message.Command), monospace: true, bold: true)),
        };
        foreach (var fact in message.Facts)
        {
            body.Add(Fact(fact));
        }

        if (message.Workload.Count > 0)
        {
            body.Add(Heading("What the workload would run"));
            foreach (var fact in message.Workload)
            {
                body.Add(Fact(fact));
            }
        }

        if (message.BodySummary.Length > 0)
        {
            body.Add(Heading(message.BodyTruncated ? "Request body (masked, shortened: the page shows all of it)" : "Request body (masked)"));
            body.Add(Rich(Run(InertText.Block(message.BodySummary), monospace: true)));
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                Open("Approve", message.ApproveLink, "positive"),
                Open("Deny", message.DenyLink, "destructive"),
                Open("Open", message.OpenLink, null),
            },
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        var payload = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
        return payload.ToJsonString();
    }

    private static JsonObject Fact(ApprovalFact fact)
    {
        var label = Run(fact.Label + ": ", bold: true);
        var value = Run(InertText.Line(fact.Value));
        if (fact.Warning)
        {
            label["color"] = "Attention";
            value["color"] = "Attention";
            value["weight"] = "Bolder";
        }

        return Rich(label, value);
    }

    private static JsonObject Heading(string text)
        => new() { ["type"] = "TextBlock", ["text"] = text, ["weight"] = "Bolder", ["spacing"] = "Medium", ["wrap"] = true };

    private static JsonObject Rich(params JsonObject[] runs) => new() { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(runs) };

    private static JsonObject Run(string text, bool monospace = false, bool bold = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (monospace)
        {
            run["fontType"] = "Monospace";
        }

        if (bold)
        {
            run["weight"] = "Bolder";
        }

        return run;
    }

    private static JsonObject Open(string title, Uri url, string? style)
    {
        var action = new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.AbsoluteUri };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }
}
