namespace Hoop.Gateway.Requests;

/// <summary>The tokens of the label selector lexer in <c>k8s.io/apimachinery/pkg/labels/selector.go</c>.</summary>
internal enum LabelSelectorToken
{
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    EqualsSign,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}
