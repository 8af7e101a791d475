namespace Directive58.Alerts.Detection;

/// <summary>`ears --method C1|C2|C3`: the detector on a plain `date,count` series (issue 4).</summary>
public static class EarsCommand
{
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        error.WriteLine("ears is not available yet.");
        return Task.FromResult(2);
    }
}
