using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hoop.TestCluster.Api;

namespace Hoop.TestCluster.Store;

/// <summary>The few checks the apiserver makes that kubectl users meet: shape, kind, and name format.</summary>
internal static partial class ObjectValidation
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Checks that a request body decodes as an object of <paramref name="type"/>.</summary>
    public static void ValidateShape(ResourceType type, JsonObject obj)
    {
        var apiVersion = Json.GetString(obj, "apiVersion");
        var kind = Json.GetString(obj, "kind");
        if ((kind is not null && kind != type.Kind) || (apiVersion is not null && apiVersion != type.ApiVersion))
        {
            throw new ApiException(ApiStatus.BadRequest(
                $"the object provided is unrecognized (must be of type {type.Kind}): {apiVersion}, Kind={kind}"));
        }

        if (obj["metadata"] is { } metadata && metadata is not JsonObject)
        {
            throw CannotHandle(type, "cannot unmarshal into Go struct field .metadata of type v1.ObjectMeta");
        }

        foreach (var map in new[] { "labels", "annotations" })
        {
            if (obj["metadata"]?[map] is { } node && (node is not JsonObject entries || entries.Any(e => e.Value is not JsonValue value || !value.TryGetValue<string>(out _))))
            {
                throw CannotHandle(type, $"cannot unmarshal into Go struct field ObjectMeta.metadata.{map} of type map[string]string");
            }
        }
    }

    /// <summary>Checks a name as the resource's validation does (RFC 1123 subdomain, or label for namespaces and services).</summary>
    public static void ValidateName(ResourceType type, string name)
    {
        if (name.Length == 0)
        {
            throw new ApiException(ApiStatus.Invalid(type, "", "metadata.name", "FieldValueRequired", "name or generateName is required"));
        }

        var (valid, message) = type == ResourceCatalog.Namespaces
            ? (name.Length <= 63 && LabelPattern().IsMatch(name), LabelMessage)
            : type == ResourceCatalog.Services
                ? (name.Length <= 63 && Dns1035Pattern().IsMatch(name), Dns1035Message)
                : (name.Length <= 253 && SubdomainPattern().IsMatch(name), SubdomainMessage);
        if (!valid)
        {
            throw new ApiException(ApiStatus.Invalid(type, name, "metadata.name", "FieldValueInvalid", $"\"{name}\": {message}"));
        }
    }

    private static ApiException CannotHandle(ResourceType type, string detail) =>
        new(ApiStatus.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: json: {detail}"));

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Pattern();
}
