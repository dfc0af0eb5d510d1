using System.Text;
using System.Text.Json;

namespace Hoop.Gateway.Masking;

/// <summary>The structural rules: which context each value is in, Secrets by kind and position, held decisions.</summary>
internal sealed partial class JsonMasker
{
    private void OnToken(ref Utf8JsonReader reader)
    {
        var start = _base + _read + reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Push(isObject: true);
                break;
            case JsonTokenType.StartArray:
                Push(isObject: false);
                break;
            case JsonTokenType.EndObject:
                EndObject(_frames[_depth - 1]);
                _depth--;
                break;
            case JsonTokenType.EndArray:
                _depth--;
                break;
            case JsonTokenType.PropertyName:
                OnProperty(ref reader, start);
                break;
            case JsonTokenType.String:
                OnString(ref reader, start, _base + _read + reader.BytesConsumed);
                break;
            case JsonTokenType.Number:
                OnNumber(start, _base + _read + reader.BytesConsumed);
                break;
            default:
                break;
        }
    }

    private JsonFrame? Top => _depth == 0 ? null : _frames[_depth - 1];

    private void Push(bool isObject)
    {
        var parent = Top;
        var context = parent is null ? JsonContext.Normal : ChildContext(parent);
        if (_depth == _frames.Count)
        {
            _frames.Add(new JsonFrame());
        }

        var frame = _frames[_depth];
        frame.Reset(isObject, context, parent is { IsObject: true } ? parent.Key : JsonKey.Other);
        if (context is JsonContext.PendingData or JsonContext.PendingStringData)
        {
            frame.PendingOwner = parent!.PendingOwner >= 0 ? parent.PendingOwner : _depth - 1;
        }

        if (parent is not null)
        {
            frame.SecretOwner = parent.Context == JsonContext.SecretObject && parent.IsObject ? _depth - 1 : parent.SecretOwner;
        }

        if (parent is null)
        {
            frame.IsResource = isObject;
        }
        else if (parent.IsObject)
        {
            if (isObject && parent.Key == JsonKey.Object && (parent.IsRow || (parent.IsResource && parent.Kind is null or "WatchEvent")))
            {
                frame.IsResource = true;
            }
            else if (!isObject && parent.Key == JsonKey.Items && parent.IsResource)
            {
                frame.IsItems = true;
                frame.ListKind = parent.Kind;
            }
            else if (!isObject && parent.Key == JsonKey.Rows && parent.IsResource && parent.Kind == "Table")
            {
                frame.IsRows = true;
            }
        }
        else if (isObject && parent.IsItems)
        {
            frame.IsResource = true;
            if (_engine.Options.Rules.Secrets && context == JsonContext.Normal
                && (parent.ListKind == "SecretList" || (_secretsRequest && parent.ListKind is "PartialObjectMetadataList" or "List")))
            {
                frame.IsSecret = true;
                frame.Context = JsonContext.SecretObject;
            }
        }
        else if (isObject && parent.IsRows)
        {
            frame.IsRow = true;
        }

        _depth++;
    }

    /// <summary>The context of the value at the frame's current position (its current property, or its next element).</summary>
    private JsonContext ChildContext(JsonFrame frame)
    {
        if (!frame.IsObject)
        {
            return frame.Context;
        }

        var key = frame.Key;
        switch (frame.Context)
        {
            case JsonContext.MaskAll or JsonContext.MaskBase64 or JsonContext.PendingData or JsonContext.PendingStringData:
                return frame.Context;
            case JsonContext.SecretObject:
                return key switch
                {
                    JsonKey.Kind or JsonKey.ApiVersion or JsonKey.Type or JsonKey.Immutable => JsonContext.Normal,
                    JsonKey.Metadata => JsonContext.SecretMetadata,
                    JsonKey.Data => JsonContext.MaskBase64,
                    _ => JsonContext.MaskAll,
                };
            case JsonContext.SecretMetadata:
                return JsonKeys.IsSecretMetadataAllowed(key) ? JsonContext.Normal
                    : key == JsonKey.Annotations ? JsonContext.SecretAnnotations : JsonContext.MaskAll;
            case JsonContext.SecretAnnotations:
                return key == JsonKey.LastApplied && _engine.Options.Rules.EmbeddedJson ? JsonContext.Normal : JsonContext.MaskAll;
            case JsonContext.SecretStatus:
                // details.name can be the quoted value itself; messages are masked by MaskStatusMessage; fields and reasons stay.
                return key == JsonKey.Name ? JsonContext.MaskAll : JsonContext.SecretStatus;
            default:
                if (frame.KeyIsSecret)
                {
                    return JsonContext.FieldSecret;
                }

                if (key is JsonKey.Data or JsonKey.StringData && _engine.Options.Rules.Secrets)
                {
                    if (frame.IsHelm && _engine.Options.Rules.Helm)
                    {
                        return JsonContext.MaskAll;
                    }

                    if (frame.DataHold >= 0)
                    {
                        return key == JsonKey.Data ? JsonContext.PendingData : JsonContext.PendingStringData;
                    }
                }

                return key == JsonKey.Value && frame.NameIsSecret && _engine.Options.Rules.FieldNames ? JsonContext.FieldSecret : JsonContext.Normal;
        }
    }

    private void OnProperty(ref Utf8JsonReader reader, long start)
    {
        var frame = _frames[_depth - 1];
        frame.KeyStart = start;
        frame.KeyIsSecret = false;
        JsonKey key;
        if (!reader.ValueIsEscaped)
        {
            key = JsonKeys.Classify(reader.ValueSpan);
        }
        else
        {
            Span<byte> unescaped = stackalloc byte[64];
            key = reader.ValueSpan.Length <= 64 && reader.CopyString(unescaped) is var n ? JsonKeys.Classify(unescaped[..n]) : JsonKey.Other;
        }

        frame.Key = key;
        if (frame.Context is not (JsonContext.Normal or JsonContext.FieldSecret))
        {
            return;
        }

        if (key == JsonKey.Other && _engine.Options.Rules.FieldNames)
        {
            frame.KeyIsSecret = IsSecretName(ref reader);
        }
        else if (key is JsonKey.Data or JsonKey.StringData && frame.IsSecret is null && !frame.IsHelm && frame.DataHold < 0 && _engine.Options.Rules.Secrets)
        {
            // The object's kind is not known yet (unstructured objects print "data" before "kind"): hold until it is.
            frame.DataHold = start;
        }
    }

    private void OnNumber(long start, long end)
    {
        var frame = Top;
        if (frame is null)
        {
            return;
        }

        var context = ChildContext(frame);
        if (context == JsonContext.FieldSecret)
        {
            AddEdit(start, end, MaskToken.JsonString.ToArray());
        }
        else if (context is JsonContext.PendingData or JsonContext.PendingStringData)
        {
            _frames[frame.PendingOwner >= 0 ? frame.PendingOwner : _depth - 1].Pending.Add(
                new PendingString(start, end, MaskToken.JsonString.ToArray(), null, IsNameValue: false));
        }
    }

    private void OnString(ref Utf8JsonReader reader, long start, long end)
    {
        var frame = Top;
        if (frame is null)
        {
            Replace(start, end, NormalReplacement(ref reader, null));
            return;
        }

        var context = ChildContext(frame);
        var key = frame.IsObject ? frame.Key : JsonKey.Other;
        if (frame.IsObject)
        {
            OnStructuralString(ref reader, frame, key);
        }

        if (frame.SecretOwner >= 0 && _frames[frame.SecretOwner].Context == JsonContext.SecretObject)
        {
            TrackEcho(ref reader, frame, context, key, start, end);
        }

        switch (context)
        {
            case JsonContext.MaskAll or JsonContext.FieldSecret:
                if (reader.ValueSpan.Length > 0)
                {
                    Replace(start, end, MaskToken.JsonString.ToArray());
                }

                return;
            case JsonContext.MaskBase64:
                if (reader.ValueSpan.Length > 0)
                {
                    Replace(start, end, MaskToken.JsonBase64String.ToArray());
                }

                return;
            case JsonContext.PendingData or JsonContext.PendingStringData:
                var owner = frame.PendingOwner >= 0 ? frame.PendingOwner : _depth - 1;
                var secret = context == JsonContext.PendingData ? MaskToken.JsonBase64String.ToArray() : MaskToken.JsonString.ToArray();
                _frames[owner].Pending.Add(new PendingString(start, end, secret, NormalReplacement(ref reader, frame), IsNameValue: false));
                return;
            default:
                break;
        }

        if (frame.IsObject && key == JsonKey.Value && !frame.NameSeen && _engine.Options.Rules.FieldNames && frame.Context == JsonContext.Normal)
        {
            // A value before its name: hold it until the name (or the object's end) decides.
            frame.Pending.Add(new PendingString(start, end, MaskToken.JsonString.ToArray(), NormalReplacement(ref reader, frame), IsNameValue: true));
            if (frame.ValueHold < 0)
            {
                frame.ValueHold = start;
            }

            return;
        }

        Replace(start, end, NormalReplacement(ref reader, frame));
    }

    /// <summary>Strings that change how the object is read: its kind, its name (env, Helm), its Helm label.</summary>
    private void OnStructuralString(ref Utf8JsonReader reader, JsonFrame frame, JsonKey key)
    {
        switch (key)
        {
            case JsonKey.Kind when frame.Kind is null:
                frame.Kind = reader.GetString();
                DecideKind(frame);
                break;
            case JsonKey.Name:
                if (frame.KeyInParent == JsonKey.Metadata && _depth >= 2 && reader.ValueSpan.StartsWith("sh.helm.release.v1."u8))
                {
                    _frames[_depth - 2].IsHelm = true;
                }

                if (frame.Context == JsonContext.Normal && !frame.NameSeen)
                {
                    frame.NameSeen = true;
                    frame.NameIsSecret = _engine.Options.Rules.FieldNames && IsSecretName(ref reader);
                    ResolvePending(frame, frame.NameIsSecret, nameValues: true);
                }

                break;
            case JsonKey.Owner when frame.KeyInParent == JsonKey.Labels && _depth >= 3 && _frames[_depth - 2].KeyInParent == JsonKey.Metadata
                && reader.ValueTextEquals("helm"u8):
                _frames[_depth - 3].IsHelm = true;
                break;
            default:
                break;
        }
    }

    private void DecideKind(JsonFrame frame)
    {
        var kind = frame.Kind;
        var rules = _engine.Options.Rules;
        var secret = rules.Secrets && (kind == "Secret" || (_secretsRequest && frame.IsResource && kind == "PartialObjectMetadata"));
        if (secret && frame.Context is JsonContext.Normal or JsonContext.FieldSecret)
        {
            frame.Context = JsonContext.SecretObject;
        }
        else if (kind == "Status" && _secretsRequest && frame.Context == JsonContext.Normal)
        {
            frame.Context = JsonContext.SecretStatus;
        }

        frame.IsSecret ??= secret;
        ResolvePending(frame, frame.IsSecret.Value, nameValues: false);
    }

    /// <summary>
    /// Inside a Secret: its masked values are remembered, and its name, namespace and label values (kept by the allow-list)
    /// are held until the Secret ends, then masked if they equal one of its values (a json-patch copy or move of
    /// <c>/data/x</c> into <c>/metadata/labels/y</c> would otherwise echo the value).
    /// </summary>
    private void TrackEcho(ref Utf8JsonReader reader, JsonFrame frame, JsonContext context, JsonKey key, long start, long end)
    {
        var secret = _frames[frame.SecretOwner];
        if (context is JsonContext.MaskAll or JsonContext.MaskBase64 && reader.ValueSpan.Length > 0 && reader.ValueSpan.Length <= 64 * 1024)
        {
            var value = reader.GetString() ?? "";
            secret.SecretValues.Add(value);
            var bytes = new byte[value.Length];
            if (Convert.TryFromBase64String(value, bytes, out var written))
            {
                try
                {
                    secret.SecretValues.Add(StrictUtf8.GetString(bytes, 0, written));
                }
                catch (DecoderFallbackException)
                {
                    // Binary data cannot be a name or a label value.
                }
            }
        }
        else if (context == JsonContext.Normal && reader.ValueSpan.Length > 0
            && ((frame.KeyInParent == JsonKey.Metadata && key is JsonKey.Name or JsonKey.Namespace) || frame.KeyInParent == JsonKey.Labels))
        {
            secret.Echoes.Add((start, end, reader.GetString() ?? ""));
            if (secret.EchoHold < 0)
            {
                secret.EchoHold = start;
            }
        }
    }

    private void EndObject(JsonFrame frame)
    {
        if (frame.EchoHold >= 0)
        {
            foreach (var (start, end, value) in frame.Echoes)
            {
                if (frame.SecretValues.Contains(value))
                {
                    AddEdit(start, end, MaskToken.JsonString.ToArray());
                }
            }

            frame.Echoes.Clear();
            frame.EchoHold = -1;
        }

        if (frame.DataHold >= 0)
        {
            // No kind came: a resource of a request on Secrets is a Secret; anything else is not.
            ResolvePending(frame, frame.IsSecret ?? (_secretsRequest && frame.IsResource && frame.Kind is null), nameValues: false);
        }

        if (frame.ValueHold >= 0)
        {
            ResolvePending(frame, secret: false, nameValues: true);
        }
    }

    private void ResolvePending(JsonFrame frame, bool secret, bool nameValues)
    {
        if ((nameValues ? frame.ValueHold : frame.DataHold) < 0)
        {
            return;
        }

        var pending = frame.Pending;
        for (var i = 0; i < pending.Count; i++)
        {
            var item = pending[i];
            if (item.IsNameValue != nameValues)
            {
                continue;
            }

            var replacement = secret ? item.SecretReplacement : item.NormalReplacement;
            if (replacement is not null)
            {
                AddEdit(item.Start, item.End, replacement);
            }

            pending.RemoveAt(i);
            i--;
        }

        if (nameValues)
        {
            frame.ValueHold = -1;
        }
        else
        {
            frame.DataHold = -1;
        }
    }

    private void Replace(long start, long end, byte[]? replacement)
    {
        if (replacement is not null)
        {
            AddEdit(start, end, replacement);
        }
    }
}
