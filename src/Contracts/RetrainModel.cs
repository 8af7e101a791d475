namespace Directive58.Contracts;

/// <summary>Command: an analyst asks the classifier to train a challenger model on the current corpus and corrections.</summary>
public sealed record RetrainModel(string RequestedBy, DateTimeOffset At);
