namespace Directive58.Alerts.Routing;

/// <summary>What a hot spot or alert is about: one workplace, or an industrial zone as a whole.</summary>
public static class UnitKinds
{
    public const string Workplace = "workplace";
    public const string Zone = "zone";
}
