using Hoop.Gateway.Requests;

namespace Hoop.Gateway.Policy;

/// <summary>The parts of a <see cref="RequestInfo"/> that rules look at, with the verb as a bit. A request judged as
/// more than one verb (a watch that lists, an apply that may create) is several views of one request.</summary>
internal readonly struct RequestView
{
    public RequestView(RequestInfo info, string verb)
    {
        Info = info;
        Verb = verb;
        VerbBit = VerbSet.Bit(verb);
    }

    public RequestInfo Info { get; }

    public string Verb { get; }

    public ulong VerbBit { get; }

    public RequestView WithVerb(string verb) => new(Info, verb);
}
