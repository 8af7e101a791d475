namespace Directive58.Surveys.Import.Reading;

/// <summary>One data row of an uploaded table: its row number as a spreadsheet shows it, its cells, or why it could not be read.</summary>
public sealed record TableRow(int Number, string?[] Cells, string? Error = null);

/// <summary>An uploaded table read as a stream of rows after its header: CSV in any supported encoding, or a workbook's first sheet.</summary>
public interface ITable : IDisposable
{
    string Format { get; }
    string Encoding { get; }
    IReadOnlyList<string> Header { get; }
    IEnumerable<TableRow> Rows();
}

public static class Tables
{
    /// <summary>Opens a seekable file: a ZIP (XLSX) or OLE2 (XLS) signature means a workbook, anything else CSV.</summary>
    public static ITable Open(Stream file)
    {
        Span<byte> head = stackalloc byte[4];
        var read = file.Read(head);
        file.Position = 0;
        var isWorkbook = read == 4 && (head.SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || head.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]));
        return isWorkbook ? new XlsxTable(file) : new CsvTable(file);
    }
}
