using Directive58.Alerts;
using Directive58.Classifier;
using Directive58.Dashboard;
using Directive58.Ingest;
using Directive58.Registry;
using Directive58.Surveys;
using Directive58.ServiceDefaults;
using Directive58.ServiceDefaults.Messaging;

// The embedded default hosts all four services in one process; `worker` is accepted for symmetry
// with the other hosts. Scaling out is configuration: see README.
var builder = WebApplication.CreateBuilder(args.SkipWhile(a => a == "worker").ToArray());
builder.AddServiceDefaults();
builder.AddRegistry();
builder.AddDashboard();
builder.AddSurveys();
if (builder.Configuration.GetValue("Dashboard:HostAllServices", true))
{
    builder.AddIngest();
    builder.AddClassifier();
    builder.AddAlerts();
}
builder.AddBus();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAntiforgery();
app.MapRegistry();
app.MapDashboard();
app.MapSurveys();
if (app.Configuration.GetValue("Dashboard:HostAllServices", true))
{
    app.MapIngest();
    app.MapClassifier();
    app.MapAlerts();
}
await app.RunAsync();

namespace Directive58.Dashboard
{
    /// <summary>Names this assembly's entry point for WebApplicationFactory in tests.</summary>
    public sealed class DashboardEntryPoint;
}
