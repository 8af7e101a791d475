namespace Directive58.Contracts;

/// <summary>Hot-spot levels, lowest first.</summary>
public static class HotSpotLevel
{
    public const string Watch = "watch";
    public const string Warning = "warning";
    public const string Alarm = "alarm";

    public static int Rank(string? level) => level switch { Watch => 1, Warning => 2, Alarm => 3, _ => 0 };

    public static string NameVi(string level) => level switch { Watch => "Theo dõi", Warning => "Cảnh báo", Alarm => "Báo động", _ => level };
}
