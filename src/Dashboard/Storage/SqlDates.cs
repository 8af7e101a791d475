using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Storage;

/// <summary>Time arithmetic on stored times in each dialect: SQLite stores UTC ISO text, PostgreSQL timestamptz. Days: see VietnamDay.</summary>
public static class SqlDates
{
    /// <summary>Seconds between two stored times (for resolution times).</summary>
    public static string Seconds(Database database, string from, string to) => database.IsPostgres
        ? $"extract(epoch from ({to} - {from}))"
        : $"(julianday({to}) - julianday({from})) * 86400.0";
}
