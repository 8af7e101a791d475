namespace Directive58.Dashboard.Localisation;

/// <summary>
/// Vietnamese by default, English when the user chose it (a cookie set by `/lang/en`). Pages write
/// each text once in both languages — `@T["Cảnh báo", "Alerts"]` — so no resource files drift apart.
/// </summary>
public sealed class Lang(IHttpContextAccessor http)
{
    public const string Cookie = "d58.lang";

    public bool IsEnglish => http.HttpContext?.Request.Cookies[Cookie] == "en";

    public string Code => IsEnglish ? "en" : "vi";

    public string this[string vi, string en] => IsEnglish ? en : vi;

    public string Topic(string topic) => IsEnglish ? topic.Replace('_', ' ') : Contracts.Taxonomy.TopicNamesVi.GetValueOrDefault(topic, topic);

    public string Risk(string? risk) => risk is null ? "—" : IsEnglish ? risk : Contracts.Taxonomy.RiskNamesVi.GetValueOrDefault(risk, risk);

    public string Level(string level) => IsEnglish ? level : Contracts.HotSpotLevel.NameVi(level);

    /// <summary>Why a hot spot was opened, in words: the detector records short codes.</summary>
    public string Reason(string reason)
    {
        var (code, detail) = reason.IndexOf(':') is var i and >= 0 ? (reason[..i], reason[(i + 1)..]) : (reason, "");
        return code switch
        {
            "critical-report" => this["Báo cáo nghiêm trọng", "Critical report"],
            "elevated-reporters" => this["Nhiều người cùng phản ánh rủi ro cao", "Several reporters, elevated risk"],
            "ears-c1-c2" or "ears-c2-c3" or "ears-c2" or "ears-c3" => this["Số phản ánh tăng bất thường", "Unusual rise in reports"] + $" ({code[5..].ToUpperInvariant()})",
            "survey-drop" => this["Chỉ số khảo sát giảm", "Survey index fell"] + (detail.Length > 0 ? $" ({detail})" : ""),
            _ => reason,
        };
    }

    /// <summary>Times are shown in Vietnam's time zone (UTC+7, no daylight saving).</summary>
    public static string Time(DateTimeOffset at, string format = "dd/MM/yyyy HH:mm") => at.ToOffset(TimeSpan.FromHours(7)).ToString(format);
}

/// <summary>`GET /lang/{code}`: remembers the language for a year and returns to the page the user came from.</summary>
public static class LangEndpoint
{
    public static IEndpointRouteBuilder MapLang(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(Lang.Cookie, code == "en" ? "en" : "vi",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
            return Results.LocalRedirect(back);
        }).AllowAnonymous();
        return app;
    }
}
