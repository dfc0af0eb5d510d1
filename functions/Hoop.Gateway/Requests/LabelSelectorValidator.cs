namespace Hoop.Gateway.Requests;

/// <summary>
/// A port of <c>labels.Parse</c> (<c>k8s.io/apimachinery/pkg/labels/selector.go</c>) that answers only whether Go's
/// parser accepts a label selector: the API server's list-options decoding fails on any error, and that failure
/// changes how it reads the rest of the request (see <see cref="ListOptionsDecoder"/>).
/// </summary>
internal sealed class LabelSelectorValidator
{
    private readonly List<(LabelSelectorToken Token, string Literal)> _items = [];
    private int _position;

    private LabelSelectorValidator(string selector)
    {
        var lexer = new LabelSelectorLexer(selector);
        while (true)
        {
            var item = lexer.Lex();
            _items.Add(item);
            if (item.Token == LabelSelectorToken.EndOfString)
            {
                break;
            }
        }
    }

    private enum Operator
    {
        None,
        Exists,
        DoesNotExist,
        In,
        NotIn,
        EqualsSign,
        DoubleEquals,
        NotEquals,
        GreaterThan,
        LessThan,
    }

    /// <summary>Whether <c>labels.Parse(selector)</c> returns no error.</summary>
    public static bool IsValid(string selector) => new LabelSelectorValidator(selector).Parse();

    // Parser.parse
    private bool Parse()
    {
        while (true)
        {
            var (token, _) = Lookahead(values: true);
            switch (token)
            {
                case LabelSelectorToken.Identifier or LabelSelectorToken.DoesNotExist:
                    if (!ParseRequirement())
                    {
                        return false;
                    }

                    var (next, _) = Consume(values: true);
                    if (next == LabelSelectorToken.EndOfString)
                    {
                        return true;
                    }

                    if (next != LabelSelectorToken.Comma)
                    {
                        return false;
                    }

                    var (afterComma, _) = Lookahead(values: true);
                    if (afterComma is not (LabelSelectorToken.Identifier or LabelSelectorToken.DoesNotExist))
                    {
                        return false;
                    }

                    break;
                case LabelSelectorToken.EndOfString:
                    return true;
                default:
                    return false;
            }
        }
    }

    // Parser.parseRequirement, with NewRequirement's validation.
    private bool ParseRequirement()
    {
        if (!TryParseKeyAndInferOperator(out var op))
        {
            return false;
        }

        if (op is Operator.Exists or Operator.DoesNotExist)
        {
            return true;
        }

        op = ParseOperator();
        List<string>? values;
        switch (op)
        {
            case Operator.In or Operator.NotIn:
                values = ParseValues();
                break;
            case Operator.EqualsSign or Operator.DoubleEquals or Operator.NotEquals or Operator.GreaterThan or Operator.LessThan:
                values = ParseExactValue();
                break;
            default:
                return false;
        }

        if (values is null)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!KubernetesNames.IsLabelValue(value))
            {
                return false;
            }

            if (op is Operator.GreaterThan or Operator.LessThan && !GoStrings.TryParseInt64(value, out _))
            {
                return false;
            }
        }

        // In / NotIn need at least one value; the exact-match operators exactly one (both always hold here).
        return values.Count > 0;
    }

    private bool TryParseKeyAndInferOperator(out Operator op)
    {
        op = Operator.None;
        var (token, literal) = Consume(values: true);
        if (token == LabelSelectorToken.DoesNotExist)
        {
            op = Operator.DoesNotExist;
            (token, literal) = Consume(values: true);
        }

        if (token != LabelSelectorToken.Identifier || !KubernetesNames.IsLabelKey(literal))
        {
            return false;
        }

        var (next, _) = Lookahead(values: true);
        if (next is LabelSelectorToken.EndOfString or LabelSelectorToken.Comma && op != Operator.DoesNotExist)
        {
            op = Operator.Exists;
        }

        return true;
    }

    private Operator ParseOperator() => Consume(values: false).Token switch
    {
        LabelSelectorToken.In => Operator.In,
        LabelSelectorToken.EqualsSign => Operator.EqualsSign,
        LabelSelectorToken.DoubleEquals => Operator.DoubleEquals,
        LabelSelectorToken.GreaterThan => Operator.GreaterThan,
        LabelSelectorToken.LessThan => Operator.LessThan,
        LabelSelectorToken.NotIn => Operator.NotIn,
        LabelSelectorToken.NotEquals => Operator.NotEquals,
        _ => Operator.None,
    };

    // Parser.parseValues: "(" identifiers ")".
    private List<string>? ParseValues()
    {
        if (Consume(values: true).Token != LabelSelectorToken.OpenPar)
        {
            return null;
        }

        switch (Lookahead(values: true).Token)
        {
            case LabelSelectorToken.Identifier or LabelSelectorToken.Comma:
                var list = ParseIdentifiersList();
                return list is not null && Consume(values: true).Token == LabelSelectorToken.ClosedPar ? list : null;
            case LabelSelectorToken.ClosedPar:
                Consume(values: true);
                return [""];
            default:
                return null;
        }
    }

    // Parser.parseIdentifiersList: a (possibly empty) list of comma-separated (possibly empty) identifiers.
    private List<string>? ParseIdentifiersList()
    {
        var values = new List<string>();
        while (true)
        {
            var (token, literal) = Consume(values: true);
            switch (token)
            {
                case LabelSelectorToken.Identifier:
                    values.Add(literal);
                    var next = Lookahead(values: true).Token;
                    if (next == LabelSelectorToken.Comma)
                    {
                        continue;
                    }

                    return next == LabelSelectorToken.ClosedPar ? values : null;
                case LabelSelectorToken.Comma:
                    if (values.Count == 0)
                    {
                        values.Add("");
                    }

                    var afterComma = Lookahead(values: true).Token;
                    if (afterComma == LabelSelectorToken.ClosedPar)
                    {
                        values.Add("");
                        return values;
                    }

                    if (afterComma == LabelSelectorToken.Comma)
                    {
                        values.Add("");
                    }

                    continue;
                default:
                    return null;
            }
        }
    }

    // Parser.parseExactValue
    private List<string>? ParseExactValue()
    {
        var next = Lookahead(values: true).Token;
        if (next is LabelSelectorToken.EndOfString or LabelSelectorToken.Comma)
        {
            return [""];
        }

        var (token, literal) = Consume(values: true);
        return token == LabelSelectorToken.Identifier ? [literal] : null;
    }

    private (LabelSelectorToken Token, string Literal) Lookahead(bool values) => InContext(Item(_position), values);

    private (LabelSelectorToken Token, string Literal) Consume(bool values)
    {
        var item = Item(_position);
        _position++;
        return InContext(item, values);
    }

    // Go would index past the end only on input its grammar already rejected; read that as the end of input.
    private (LabelSelectorToken Token, string Literal) Item(int position) =>
        position < _items.Count ? _items[position] : (LabelSelectorToken.EndOfString, "");

    // In the Values context "in" and "notin" are plain identifiers (a label may be called "in").
    private static (LabelSelectorToken Token, string Literal) InContext((LabelSelectorToken Token, string Literal) item, bool values) =>
        values && item.Token is LabelSelectorToken.In or LabelSelectorToken.NotIn
            ? (LabelSelectorToken.Identifier, item.Literal)
            : item;
}
