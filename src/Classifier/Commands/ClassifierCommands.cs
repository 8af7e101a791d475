using System.CommandLine;

namespace Directive58.Classifier.Commands;

/// <summary>The classifier's command line: classify, train, evaluate (design.md). Streams are injected so tests can drive it.</summary>
public static class ClassifierCommands
{
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Directive58 report classifier: Vietnamese text → topic and risk.")
        {
            ClassifyCommand.Create(stdin, stdout, stderr),
            TrainCommand.Create(stdout, stderr),
            EvaluateCommand.Create(stdout, stderr),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
