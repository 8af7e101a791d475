using Directive58.Classifier;
using Directive58.ServiceDefaults;
using Directive58.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

if (args.Length > 0 && args[0] is "classify" or "train" or "evaluate")
{
    // Buffered streams: Console.Out flushes every line, which would dominate `classify` on large inputs.
    using var stdin = new StreamReader(Console.OpenStandardInput(), bufferSize: 1 << 16);
    await using var stdout = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16) { AutoFlush = false };
    return await Directive58.Classifier.Commands.ClassifierCommands.RunAsync(args, stdin, stdout, Console.Error);
}

// `worker` (or no command): the classifier service alone, on the configured bus and store.
var builder = WebApplication.CreateBuilder(args.SkipWhile(a => a == "worker").ToArray());
builder.AddServiceDefaults();
builder.AddClassifier();
builder.AddBus();
var app = builder.Build();
app.UseServiceDefaults();
app.MapClassifier();
await app.RunAsync();
return 0;
