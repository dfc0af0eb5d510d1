namespace Hoop.TestCluster.Api;

/// <summary>A failure <c>Status</c> as kube-apiserver returns it.</summary>
/// <remarks>
/// Shapes and messages follow k8s.io/apimachinery/pkg/api/errors (NewNotFound, NewAlreadyExists, NewConflict,
/// NewInvalid, NewBadRequest, NewGenericServerResponse), so kubectl prints what it prints against a real cluster.
/// </remarks>
internal sealed record ApiStatus(int Code, string Reason, string Message)
{
    /// <summary>Whether the <c>details</c> member is written (the apiserver writes <c>{}</c> for generic responses).</summary>
    public bool HasDetails { get; init; }

    public string Name { get; init; } = "";

    public string Group { get; init; } = "";

    /// <summary>The details kind: the plural resource for most errors, the Kind for Invalid.</summary>
    public string Kind { get; init; } = "";

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public static ApiStatus NotFound(ResourceType type, string name) =>
        Named(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", type, name);

    public static ApiStatus AlreadyExists(ResourceType type, string name) =>
        Named(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", type, name);

    public static ApiStatus Conflict(ResourceType type, string name) =>
        Named(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", type, name);

    public static ApiStatus NamespaceNotFound(string name) => NotFound(ResourceCatalog.Namespaces, name);

    /// <summary>422 Invalid with one cause, as <c>NewInvalid</c> formats it.</summary>
    public static ApiStatus Invalid(ResourceType type, string name, string field, string causeReason, string detail)
    {
        var message = $"{CauseTypeText(causeReason)}: {detail}";
        return new ApiStatus(422, "Invalid", $"{type.GroupKind} \"{name}\" is invalid: {field}: {message}")
        {
            HasDetails = true,
            Name = name,
            Group = type.Group,
            Kind = type.Kind,
            Causes = [new StatusCause(causeReason, message, field)],
        };
    }

    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatus Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiStatus Forbidden(string message) => new(403, "Forbidden", message) { HasDetails = true };

    public static ApiStatus PathNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource") { HasDetails = true };

    public static ApiStatus MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource") { HasDetails = true };

    public static ApiStatus NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiStatus UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got {contentType}");

    public static ApiStatus Expired(string message) => new(410, "Expired", message);

    private static ApiStatus Named(int code, string reason, string message, ResourceType type, string name) =>
        new(code, reason, message) { HasDetails = true, Name = name, Group = type.Group, Kind = type.Plural };

    // field.ErrorType's String(): the words kubectl users know from real Invalid errors.
    private static string CauseTypeText(string causeReason) => causeReason switch
    {
        "FieldValueRequired" => "Required value",
        "FieldValueInvalid" => "Invalid value",
        "FieldValueNotSupported" => "Unsupported value",
        "FieldValueForbidden" => "Forbidden",
        "FieldValueDuplicate" => "Duplicate value",
        _ => causeReason,
    };
}
