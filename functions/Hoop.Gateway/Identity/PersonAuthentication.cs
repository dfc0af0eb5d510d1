using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Hoop.Gateway.Identity;

/// <summary>The outcome of a sign-in check: the person, or a 401 / 403 with a reason safe to show the caller.</summary>
public sealed record PersonAuthentication
{
    private PersonAuthentication(SignedInPerson? person, int statusCode, string? failure)
    {
        Person = person;
        StatusCode = statusCode;
        Failure = failure;
    }

    public SignedInPerson? Person { get; }

    /// <summary>200 on success; 401 (not signed in validly) or 403 (signed in, but refused) otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>Why the sign-in was refused (never echoes the token).</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Person))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Person is not null;

    public static PersonAuthentication Success(SignedInPerson person) => new(person, StatusCodes.Status200OK, null);

    public static PersonAuthentication Unauthorized(string reason) => new(null, StatusCodes.Status401Unauthorized, reason);

    public static PersonAuthentication Forbidden(string reason) => new(null, StatusCodes.Status403Forbidden, reason);
}
