namespace Hoop.Gateway.Requests;

/// <summary>
/// The API server's <c>metainternalversionscheme.ParameterCodec.DecodeParameters(query, metav1.SchemeGroupVersion, &amp;ListOptions{})</c>
/// as far as <c>RequestInfoFactory.NewRequestInfo</c> uses it: the watch flag and the field selector's <c>metadata.name</c>.
/// </summary>
/// <remarks>
/// Decoding runs the generated <c>Convert_url_Values_To_v1_ListOptions</c> (k8s.io/apimachinery
/// pkg/apis/meta/v1/zz_generated.conversion.go) and then <c>Convert_v1_ListOptions_To_internalversion_ListOptions</c>:
/// <list type="bullet">
/// <item>each parameter is read from its FIRST value;</item>
/// <item><c>watch</c> (and <c>allowWatchBookmarks</c>, <c>sendInitialEvents</c>) use <c>runtime.Convert_Slice_string_To_bool</c>:
/// only <c>"0"</c> and a case-insensitive <c>"false"</c> (Go <c>strings.EqualFold</c>) are false; anything else, even <c>""</c>,
/// is true. This is NOT <c>strconv.ParseBool</c>: <c>watch=no</c> and <c>watch=</c> are watches;</item>
/// <item><c>timeoutSeconds</c> and <c>limit</c> use <c>strconv.ParseInt(v, 10, 64)</c> and fail the decoding when it fails;</item>
/// <item><c>labelSelector</c> goes through <c>labels.Parse</c> and <c>fieldSelector</c> through <c>fields.ParseSelector</c>;
/// either error fails the decoding.</item>
/// </list>
/// When decoding fails, <c>NewRequestInfo</c> discards every decoded option (so no name comes from the field selector) and
/// only re-reads <c>watch</c>: <c>strings.ToLower(values[0])</c> is <c>"false"</c> or <c>"0"</c> → list, anything else → watch.
/// With no query parameter at all, <c>DecodeParameters</c> returns at once: not a watch, no field selector.
/// </remarks>
internal static class ListOptionsDecoder
{
    /// <summary>Reads <paramref name="query"/> as the API server does for a nameless <c>get</c>.</summary>
    public static ListOptionsReading Read(QueryParameters query)
    {
        if (query.IsEmpty)
        {
            return new ListOptionsReading(Decoded: true, Watch: false, ExactName: null);
        }

        if (TryDecode(query, out var watch, out var exactName))
        {
            return new ListOptionsReading(Decoded: true, watch, exactName);
        }

        var rawWatch = query.Get("watch");
        var fallbackWatch = rawWatch is not null && !GoStrings.ToLowerEquals(rawWatch, "false") && !GoStrings.ToLowerEquals(rawWatch, "0");
        return new ListOptionsReading(Decoded: false, fallbackWatch, ExactName: null);
    }

    private static bool TryDecode(QueryParameters query, out bool watch, out string? exactName)
    {
        exactName = null;
        watch = query.Get("watch") is { } w && ConvertSliceStringToBool(w);

        // url.Values -> v1.ListOptions: only the int64 fields can fail.
        if (query.Get("timeoutSeconds") is { } timeoutSeconds && !GoStrings.TryParseInt64(timeoutSeconds, out _))
        {
            return false;
        }

        if (query.Get("limit") is { } limit && !GoStrings.TryParseInt64(limit, out _))
        {
            return false;
        }

        // v1.ListOptions -> internal ListOptions: the selectors are parsed (an absent selector is "", which parses).
        if (!LabelSelectorValidator.IsValid(query.Get("labelSelector") ?? ""))
        {
            return false;
        }

        return FieldSelectorReader.TryGetExactMatch(query.Get("fieldSelector") ?? "", "metadata.name", out exactName);
    }

    // runtime.Convert_Slice_string_To_bool on a non-empty slice.
    private static bool ConvertSliceStringToBool(string value) =>
        value != "0" && !GoStrings.EqualFold(value, "false");
}
