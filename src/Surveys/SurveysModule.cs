using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Import;
using Directive58.Surveys.Indices;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.Surveys;

/// <summary>
/// The six-monthly worker survey: questionnaires (the default one shipped), anonymous import of
/// responses from CSV/XLSX, free text to the classifier, indices with wave-on-wave tests, and
/// index drops announced as hot-spot signals. Reads the registry's tables with SQL.
/// </summary>
public static class SurveysModule
{
    public static IHostApplicationBuilder AddSurveys(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchemaScripts("surveys", typeof(SurveysModule).Assembly);
        services.Configure<SurveysOptions>(builder.Configuration.GetSection("Surveys"));
        services.AddSingleton<QuestionnaireStore>();
        services.AddHostedService<QuestionnaireSeeder>();
        services.AddSingleton<ColumnMapping>();
        services.AddSingleton<SurveyTallies>();
        services.AddSingleton<SurveyResults>();
        services.AddScoped<CommentPublisher>();
        services.AddScoped<IndexDropDetector>();
        services.AddScoped<ResponseImporter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<CommentSweeper>();
        return builder;
    }

    public static WebApplication MapSurveys(this WebApplication app)
    {
        app.MapQuestionnaires();
        app.MapImportResponses();
        app.MapSurveyResults();
        return app;
    }
}
