namespace Directive58.ServiceDefaults.Storage;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>`Storage:Provider` and `Storage:ConnectionString`; SQLite at ./data/d58.db when unset.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=./data/d58.db";
}
