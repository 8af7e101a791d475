namespace Directive58.ServiceDefaults.Security;

/// <summary>Authorization policy names, API key scopes and the six roles of domain.md.</summary>
public static class Policies
{
    public const string Ingest = "ingest";
    public const string Read = "read";

    /// <summary>Hot spots, alerts and silences: officers and read keys; collaborators report, they do not follow cases (as on the pages).</summary>
    public const string ReadCases = "read-cases";
    public const string Act = "act";
    public const string Admin = "admin";

    public const string ScopeClaim = "scope";
    public const string UnitClaim = "unit";
}

public static class Roles
{
    public const string Collaborator = "collaborator";
    public const string WorkplaceOfficer = "workplace_officer";
    public const string UpperOfficer = "upper_officer";
    public const string FederationAnalyst = "federation_analyst";
    public const string CommitteeOfficial = "committee_official";
    public const string Administrator = "administrator";

    public static readonly string[] All = [Collaborator, WorkplaceOfficer, UpperOfficer, FederationAnalyst, CommitteeOfficial, Administrator];
    public static readonly string[] Officers = [WorkplaceOfficer, UpperOfficer, FederationAnalyst, CommitteeOfficial, Administrator];
}
