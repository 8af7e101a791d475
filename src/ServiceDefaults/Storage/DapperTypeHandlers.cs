using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Directive58.ServiceDefaults.Storage;

/// <summary>
/// One representation per provider for times and ids: SQLite stores fixed-width UTC ISO-8601 text
/// (so text comparison orders correctly) and Guid text; PostgreSQL stores timestamptz and uuid.
/// </summary>
internal static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new TimestampHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());
    }

    public const string SqliteTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(SqliteTimestampFormat, CultureInfo.InvariantCulture);

    private sealed class TimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter) { parameter.DbType = DbType.String; parameter.Value = ToSqliteText(value); }
            else { parameter.DbType = DbType.DateTimeOffset; parameter.Value = value.ToUniversalTime(); }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}"),
        };
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter) { parameter.DbType = DbType.String; parameter.Value = value.ToString(); }
            else { parameter.DbType = DbType.Guid; parameter.Value = value; }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}"),
        };
    }
}
