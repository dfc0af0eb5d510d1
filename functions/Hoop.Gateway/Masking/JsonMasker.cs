using System.Buffers;
using System.Text.Json;

namespace Hoop.Gateway.Masking;

/// <summary>
/// Streaming JSON masker for documents (GET, lists, Tables, Status) and watch streams (one document per line). A
/// <see cref="Utf8JsonReader"/> runs over the bytes with carried-over state; untouched bytes are copied as they came and
/// only masked string values are replaced, so a response with nothing to mask leaves byte-identical.
/// </summary>
/// <remarks>
/// Memory bound per response: the incomplete token at the end of the last chunk (a string longer than
/// <see cref="MaskingOptions.MaxValueBytes"/> is skipped and masked whole, without being held), plus what an undecided
/// object holds back — a <c>data</c> / <c>stringData</c> seen before the object's <c>kind</c>, an <c>env</c> value seen
/// before its name — up to <see cref="MaskingOptions.MaxHeldBytes"/>, past which the response ends. Nesting deeper than
/// <see cref="MaskingOptions.MaxDepth"/>, invalid JSON or invalid UTF-8 end the response (<see cref="MaskingException"/>).
/// Throughput: bench/Hoop.Bench/MaskingBenchmarks.cs.
/// </remarks>
internal sealed partial class JsonMasker : IStreamMasker
{
    private readonly MaskingEngine _engine;
    private readonly MaskFormatter _formatter;
    private readonly LineMasker _lines;
    private readonly bool _secretsRequest;
    private readonly int _embedLevel;
    private readonly List<JsonFrame> _frames = [];
    private readonly List<Edit> _edits = [];
    private JsonReaderState _state;
    private byte[] _buffer = [];
    private int _length;
    private int _read;
    private long _base;
    private int _depth;
    private bool _editsUnsorted;
    private bool _skipping;
    private bool _skipEscaped;

    public JsonMasker(MaskingEngine engine, MaskFormatter formatter, bool secretsRequest, bool multipleValues, int embedLevel = 0)
    {
        _engine = engine;
        _formatter = formatter;
        _secretsRequest = secretsRequest;
        _embedLevel = embedLevel;
        _lines = new LineMasker(engine, formatter, embedLevel);
        var maxDepth = embedLevel == 0 ? engine.Options.MaxDepth : Math.Max(16, engine.Options.MaxDepth / 4);
        _state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = multipleValues, MaxDepth = maxDepth });
    }

    /// <summary>Whether any value was masked so far.</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// Masks a whole JSON document held in memory (JSON inside a string, a request body). Returns the masked bytes, or
    /// <see langword="null"/> when nothing was masked; <paramref name="valid"/> is false when it is not one JSON document.
    /// </summary>
    public static byte[]? MaskDocument(MaskingEngine engine, MaskFormatter formatter, ReadOnlySpan<byte> json, int embedLevel, out bool valid, bool secretsRequest = false)
    {
        var masker = new JsonMasker(engine, formatter, secretsRequest, multipleValues: false, embedLevel);
        var output = new ArrayBufferWriter<byte>(json.Length + 64);
        try
        {
            masker.Write(json, output);
            masker.Complete(output);
        }
        catch (MaskingException)
        {
            valid = false;
            return null;
        }
        finally
        {
            masker.Release();
        }

        valid = true;
        return masker.Changed ? output.WrittenSpan.ToArray() : null;
    }

    public void Write(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        if (_skipping)
        {
            input = Skip(input);
            if (_skipping)
            {
                return;
            }
        }

        Append(input);
        Process(isFinalBlock: false, output);
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (_skipping)
        {
            throw new MaskingException("the JSON body ended inside a string");
        }

        Process(isFinalBlock: true, output);
        if (_depth != 0 || _read != _length)
        {
            throw new MaskingException("the JSON body ended before its document did");
        }

        Flush(_length, output);
        Release();
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Process(bool isFinalBlock, IBufferWriter<byte> output)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_read, _length - _read), isFinalBlock, _state);
        try
        {
            while (reader.Read())
            {
                OnToken(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw new MaskingException("the upstream body is not valid JSON: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new MaskingException("the upstream body is not valid JSON: " + ex.Message, ex);
        }

        _read += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        var limit = _read;
        for (var i = 0; i < _depth; i++)
        {
            var hold = _frames[i].HoldStart;
            if (hold >= 0)
            {
                limit = Math.Min(limit, (int)(hold - _base));
            }
        }

        if (_read - limit > _engine.Options.MaxHeldBytes)
        {
            throw new MaskingException($"an object held back for masking is larger than {_engine.Options.MaxHeldBytes} bytes");
        }

        Flush(limit, output);
        if (!isFinalBlock && _length - _read > _engine.Options.MaxValueBytes)
        {
            StartSkipping();
            if (!_skipping)
            {
                Process(isFinalBlock, output);
            }
        }
    }

    /// <summary>Writes buffer[0..limit) with the edits applied, then drops it from the buffer.</summary>
    private void Flush(int limit, IBufferWriter<byte> output)
    {
        if (limit <= 0)
        {
            return;
        }

        if (_editsUnsorted)
        {
            _edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            _editsUnsorted = false;
        }

        var end = _base + limit;
        var at = 0;
        var applied = 0;
        foreach (var edit in _edits)
        {
            if (edit.Start >= end)
            {
                break;
            }

            output.Write(_buffer.AsSpan(at, (int)(edit.Start - _base) - at));
            output.Write(edit.Replacement);
            at = (int)(edit.End - _base);
            applied++;
        }

        if (applied > 0)
        {
            _edits.RemoveRange(0, applied);
        }

        output.Write(_buffer.AsSpan(at, limit - at));
        Buffer.BlockCopy(_buffer, limit, _buffer, 0, _length - limit);
        _length -= limit;
        _read -= limit;
        _base += limit;
    }

    private void Append(ReadOnlySpan<byte> input)
    {
        if (_length + input.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + input.Length, Math.Max(4096, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        input.CopyTo(_buffer.AsSpan(_length));
        _length += input.Length;
    }

    /// <summary>
    /// The incomplete token is larger than the value bound: if it is a string, drop its bytes as they come and let the
    /// reader see the mask token in its place; anything else that large ends the response.
    /// </summary>
    private void StartSkipping()
    {
        var rest = _buffer.AsSpan(_read, _length - _read);
        var quote = rest.IndexOfAnyExcept(" \t\r\n,:"u8);
        if (quote < 0 || rest[quote] != (byte)'"')
        {
            throw new MaskingException($"a JSON token is larger than {_engine.Options.MaxValueBytes} bytes");
        }

        // Keep the opening quote; everything after it is the oversized string's content (copied: the buffer is reused).
        var content = rest[(quote + 1)..].ToArray();
        _length = _read + quote + 1;
        _skipping = true;
        _skipEscaped = false;
        var remainder = Skip(content);
        if (!_skipping)
        {
            Append(remainder);
        }
    }

    /// <summary>Consumes an oversized string's content up to its closing quote; after it, the mask token and the rest.</summary>
    private ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (_skipEscaped)
            {
                _skipEscaped = false;
            }
            else if (b == (byte)'\\')
            {
                _skipEscaped = true;
            }
            else if (b == (byte)'"')
            {
                _skipping = false;
                Append("[masked]"u8);
                Changed = true;
                return input[i..];
            }
        }

        return [];
    }

    private void AddEdit(long start, long end, byte[] replacement)
    {
        if (_edits.Count > 0 && _edits[^1].Start > start)
        {
            _editsUnsorted = true;
        }

        _edits.Add(new Edit(start, end, replacement));
        Changed = true;
    }

    private readonly record struct Edit(long Start, long End, byte[] Replacement);
}
