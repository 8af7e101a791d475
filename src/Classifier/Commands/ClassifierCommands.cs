namespace Directive58.Classifier.Commands;

/// <summary>The classifier's command line: classify, train, evaluate (design.md).</summary>
public static class ClassifierCommands
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"'{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
