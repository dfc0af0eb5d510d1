namespace Hoop.Gateway.Masking;

/// <summary>The masker could not mask a body within its bounds (invalid or too deep JSON, too much held back): the response ends.</summary>
public sealed class MaskingException : Exception
{
    public MaskingException()
    {
    }

    public MaskingException(string message)
        : base(message)
    {
    }

    public MaskingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
