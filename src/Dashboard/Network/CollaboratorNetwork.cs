namespace Directive58.Dashboard.Network;

/// <summary>
/// The collaborator network of the user's unit, computed from reports: per grassroots union its active
/// collaborators (distinct reporter references in the last 90 days) and their last report; a union
/// whose collaborators all fell silent for 30 days is flagged; coverage lists workplaces with no union
/// or no collaborator. Reporter references are pseudonyms (ctv-07): names never reach this page.
/// </summary>
public static class CollaboratorNetwork
{
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan SilentAfter = TimeSpan.FromDays(30);

    public sealed record ReportFact(string WorkplaceCode, string ReporterRef, DateTimeOffset At);

    public sealed record WorkplaceFact(string Code, string Name, string? UnionCode, string? UnionName);

    public sealed record Collaborator(string ReporterRef, DateTimeOffset LastReport, int Reports);

    public sealed record UnionRow(string UnionCode, string UnionName, IReadOnlyList<string> Workplaces, IReadOnlyList<Collaborator> Collaborators, DateTimeOffset? LastReport, bool Silent);

    public sealed record Picture(IReadOnlyList<UnionRow> Unions, IReadOnlyList<WorkplaceFact> WithoutUnion, IReadOnlyList<WorkplaceFact> WithoutCollaborator);

    public static Picture Build(IReadOnlyList<WorkplaceFact> workplaces, IReadOnlyList<ReportFact> reports, DateTimeOffset now)
    {
        var recent = reports.Where(r => r.At >= now - ActiveWindow).ToList();
        var unions = workplaces.Where(w => w.UnionCode is not null).GroupBy(w => (Code: w.UnionCode!, Name: w.UnionName ?? w.UnionCode!))
            .Select(g =>
            {
                var codes = g.Select(w => w.Code).ToHashSet();
                var collaborators = recent.Where(r => codes.Contains(r.WorkplaceCode)).GroupBy(r => r.ReporterRef)
                    .Select(c => new Collaborator(c.Key, c.Max(r => r.At), c.Count())).OrderByDescending(c => c.LastReport).ToList();
                DateTimeOffset? last = collaborators.Count == 0 ? null : collaborators.Max(c => c.LastReport);
                return new UnionRow(g.Key.Code, g.Key.Name, [.. codes.Order()], collaborators, last, last is null || now - last > SilentAfter);
            })
            .OrderByDescending(u => u.Silent).ThenBy(u => u.UnionName).ToList();
        var reporting = recent.Select(r => r.WorkplaceCode).ToHashSet();
        return new Picture(unions,
            workplaces.Where(w => w.UnionCode is null).OrderBy(w => w.Code).ToList(),
            workplaces.Where(w => !reporting.Contains(w.Code)).OrderBy(w => w.Code).ToList());
    }
}
