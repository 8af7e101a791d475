using Directive58.Classifier;
using Directive58.ServiceDefaults;
using Directive58.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

if (args.Length > 0 && args[0] is "classify" or "train" or "evaluate")
    return await Directive58.Classifier.Commands.ClassifierCommands.RunAsync(args, Console.In, Console.Out, Console.Error);

// `worker` (or no command): the classifier service alone, on the configured bus and store.
var builder = WebApplication.CreateBuilder(args.SkipWhile(a => a == "worker").ToArray());
builder.AddServiceDefaults();
builder.AddClassifier();
builder.AddBus();
var app = builder.Build();
app.UseServiceDefaults();
await app.RunAsync();
return 0;
