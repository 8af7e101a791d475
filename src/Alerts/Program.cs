using Directive58.Alerts;
using Directive58.Registry;
using Directive58.ServiceDefaults;
using Directive58.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

if (args.Length > 0 && args[0] == "ears")
    return await Directive58.Alerts.Detection.EarsCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);
if (args.Length > 0 && args[0] == "simulate")
    return Directive58.Alerts.Simulation.SimulateCommand.Run(args[1..], Console.Out);

// `worker` (or no command): the alerts service alone, on the configured bus and store.
var builder = WebApplication.CreateBuilder(args.SkipWhile(a => a == "worker").ToArray());
builder.AddServiceDefaults();
builder.AddRegistry();
builder.AddAlerts();
builder.AddBus();
var app = builder.Build();
app.UseServiceDefaults();
app.MapAlerts();
await app.RunAsync();
return 0;
