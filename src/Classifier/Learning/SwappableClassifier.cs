using Directive58.Classifier.ClassifyReport;

namespace Directive58.Classifier.Learning;

/// <summary>The classifier in use; a promoted model replaces it atomically while reports keep flowing.</summary>
public sealed class SwappableClassifier(IReportClassifier initial) : IReportClassifier
{
    private IReportClassifier _current = initial;

    public IReportClassifier Current => Volatile.Read(ref _current);

    public string ModelVersion => Current.ModelVersion;

    public Prediction Classify(string text) => Current.Classify(text);

    public void Swap(IReportClassifier next) => Volatile.Write(ref _current, next);
}
