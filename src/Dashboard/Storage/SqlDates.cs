using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Storage;

/// <summary>
/// The calendar day (in Vietnam, UTC+7) of a stored time, as 'yyyy-MM-dd' text, in each dialect:
/// SQLite stores UTC ISO text, PostgreSQL timestamptz.
/// </summary>
public static class SqlDates
{
    public static string Day(Database database, string column) => database.IsPostgres
        ? $"to_char({column} at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')"
        : $"date({column}, '+7 hours')";

    /// <summary>Seconds between two stored times (for resolution times).</summary>
    public static string Seconds(Database database, string from, string to) => database.IsPostgres
        ? $"extract(epoch from ({to} - {from}))"
        : $"(julianday({to}) - julianday({from})) * 86400.0";

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
}
