namespace Directive58.Contracts;

/// <summary>
/// A workplace's survey index (0–100) fell against its previous wave by at least the configured
/// number of points, and Welch's t-test finds the fall significant: a hot-spot signal for Alerts.
/// Dimension is "overall" or a question id; DropId is stable, so a redelivery can be deduplicated.
/// </summary>
public sealed record SurveyIndexDropped(
    Guid DropId, Guid SurveyId, string WorkplaceCode, string Wave, string PreviousWave, string Dimension,
    double PreviousIndex, double CurrentIndex, int Respondents, int PreviousRespondents, double PValue,
    DateTimeOffset DetectedAt);
