using System.Globalization;

namespace Directive58.ServiceDefaults.Storage;

/// <summary>
/// The calendar day in Vietnam (UTC+7, no daylight saving) as 'yyyy-MM-dd' text: what daily counts
/// are keyed by and what the pages group by. The SQL form reads a stored time in each dialect
/// (SQLite keeps UTC ISO text, PostgreSQL timestamptz); both give the same text as <see cref="Of"/>.
/// </summary>
public static class VietnamDay
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Sql(Database database, string column) => database.IsPostgres
        ? $"to_char({column} at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')"
        : $"date({column}, '+7 hours')";

    public static string Of(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
