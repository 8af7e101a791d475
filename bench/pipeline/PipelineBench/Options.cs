namespace Directive58.Bench.Pipeline;

/// <summary>`--name value` pairs from the command line.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args) =>
        new(args.Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p[0][2..], p => p[1]));

    public string this[string name] => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public string? Optional(string name) => values.GetValueOrDefault(name);
}
