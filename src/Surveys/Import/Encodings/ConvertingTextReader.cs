namespace Directive58.Surveys.Import.Encodings;

/// <summary>
/// Streams text line by line through a conversion (a legacy font table, or NFC composition), so a
/// 100,000-row file is never held in memory and a VNI letter and its trailing mark, which never
/// span a line break, are always converted together. Line breaks come out as "\n".
/// </summary>
public sealed class ConvertingTextReader(TextReader inner, Func<string, string> convert) : TextReader
{
    private string _line = "";
    private int _position;
    private bool _done;

    public override int Peek() => Fill() ? _line[_position] : -1;

    public override int Read() => Fill() ? _line[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length && Fill())
        {
            var n = Math.Min(buffer.Length - written, _line.Length - _position);
            _line.AsSpan(_position, n).CopyTo(buffer[written..]);
            _position += n;
            written += n;
        }
        return written;
    }

    private bool Fill()
    {
        while (_position >= _line.Length)
        {
            if (_done) return false;
            var next = inner.ReadLine();
            if (next is null) { _done = true; return false; }
            _line = convert(next) + "\n";
            _position = 0;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
