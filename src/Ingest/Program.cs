using Directive58.Ingest;
using Directive58.Ingest.ErrorQueue;
using Directive58.Registry;
using Directive58.ServiceDefaults;
using Directive58.ServiceDefaults.Configuration;
using Directive58.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

// `errors …`: inspect and replay the RabbitMQ error queues with this service's configuration.
if (args is ["errors", ..])
{
    var configuration = WebApplication.CreateBuilder([]).Configuration;
    configuration.AddSecretFiles();
    return await ErrorQueueCommand.RunAsync(args[1..], configuration, Console.Out);
}

// The ingest service alone (`worker` or no command), on the configured bus and store.
var builder = WebApplication.CreateBuilder(args.SkipWhile(a => a == "worker").ToArray());
builder.AddServiceDefaults();
builder.AddRegistry();
builder.AddIngest();
builder.AddBus();
var app = builder.Build();
app.UseServiceDefaults();
app.MapIngest();
await app.RunAsync();
return 0;
