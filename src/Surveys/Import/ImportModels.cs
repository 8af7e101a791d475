namespace Directive58.Surveys.Import;

/// <summary>
/// What to import: the questionnaire, an optional mapping (header → target, "" to ignore), a source
/// name, defaults for files without workplace or wave columns, and — for a dashboard user — the
/// workplaces they may import for (null: any).
/// </summary>
public sealed record ImportRequest(
    Guid SurveyId, string? FileName = null, IReadOnlyDictionary<string, string>? Mapping = null, string? Source = null,
    string? WorkplaceCode = null, string? Wave = null, string? ImportedBy = null, IReadOnlySet<string>? AllowedWorkplaces = null);

public sealed record RowError(int Row, string? Column, string Message);

public sealed record ImportProgress(int RowsRead, int RowsImported, int RowsDuplicate, int RowsRejected);

public static class ImportStatus
{
    public const string Imported = "imported";
    public const string AlreadyImported = "already-imported";
    public const string NeedsMapping = "needs-mapping";
    public const string Unreadable = "unreadable";
}

/// <summary>The result of an import: counts, the per-row error report (first 1,000), the dropped identifying columns and the mapping used.</summary>
public sealed record ImportOutcome
{
    public required string Status { get; init; }
    public Guid? ImportId { get; init; }
    public string? Format { get; init; }
    public string? Encoding { get; init; }
    public int RowsRead { get; init; }
    public int RowsImported { get; init; }
    public int RowsDuplicate { get; init; }
    public int RowsRejected { get; init; }
    public int Comments { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];
    public IReadOnlyList<IdentifyingColumns.Dropped> DroppedColumns { get; init; } = [];
    public IReadOnlyList<string> Header { get; init; } = [];
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Missing { get; init; } = [];
    public string? Message { get; init; }
}
