using Hoop.Gateway.Requests;
using Hoop.Gateway.Sessions;

namespace Hoop.Gateway.Masking;

/// <summary>What the masker knows about the response it masks.</summary>
/// <param name="Session">The session the response goes to.</param>
/// <param name="Info">The request's classification.</param>
/// <param name="ContentType">The upstream response's Content-Type.</param>
public sealed record MaskingContext(Session Session, RequestInfo Info, string ContentType);
