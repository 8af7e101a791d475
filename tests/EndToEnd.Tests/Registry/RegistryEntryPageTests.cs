using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Registry;

/// <summary>The registry entry form: edits and new entries go through the registry's validation and writer, and are audited.</summary>
public sealed partial class RegistryEntryPageTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _admin = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Opens the form, changes some fields as a person would and submits it with its antiforgery token.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(string query, Dictionary<string, string> changes)
    {
        var form = await _admin.GetStringAsync($"/Admin/RegistryEntry?{query}");
        var fields = Fields(form);
        foreach (var (name, value) in changes) fields[name] = value;
        fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        return await _admin.PostAsync($"/Admin/RegistryEntry?{query}", new FormUrlEncodedContent(fields));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _app.Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    [Fact]
    public async Task An_administrator_edits_a_workplace_and_the_change_is_stored_and_audited()
    {
        var response = await SubmitAsync("kind=workplaces&key=BN-003", new() { ["name"] = "Công ty Dệt kim Hansae Mới", ["workforce"] = "2500", ["unionCode"] = "cdcs-bn-002" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Registry?kind=workplaces&saved=BN-003", response.Headers.Location!.OriginalString);
        Assert.Equal("Công ty Dệt kim Hansae Mới|2500|cdcs-bn-002|foreign", await ScalarAsync<string>("select name || '|' || workforce || '|' || union_code || '|' || ownership from workplaces where code = 'BN-003'"));
        Assert.Equal(1, await ScalarAsync<long>("select count(*) from audit_log where action = 'edit-registry-entry' and subject = 'workplaces/BN-003' and actor = 'admin'"));
        Assert.Contains("Đã lưu", await _admin.GetStringAsync(response.Headers.Location.OriginalString));
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_field_by_field_and_nothing_changes()
    {
        var before = await ScalarAsync<string>("select name || '|' || coalesce(union_code, '') from workplaces where code = 'BN-004'");

        var response = await SubmitAsync("kind=workplaces&key=BN-004", new() { ["name"] = "Tên mới", ["unionCode"] = "cd-kcn-que-vo", ["ownership"] = "" });
        var page = await response.Content.ReadAsStringAsync();
        var typo = await SubmitAsync("kind=workplaces&key=BN-004", new() { ["workforce"] = "nhiều" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-field=\"unionCode\">Nơi làm việc thuộc một công đoàn cơ sở.", WebUtility.HtmlDecode(page));
        Assert.Contains("data-field=\"ownership\">Bắt buộc.", WebUtility.HtmlDecode(page));
        Assert.Contains("value=\"Tên mới\"", page); // what was typed stays in the form
        Assert.Contains("data-field=\"workforce\">Cần một số nguyên.", WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync()));
        Assert.Equal(before, await ScalarAsync<string>("select name || '|' || coalesce(union_code, '') from workplaces where code = 'BN-004'"));
    }

    [Fact]
    public async Task A_new_entry_is_created_once_and_a_contact_gets_a_new_id()
    {
        var created = await SubmitAsync("kind=communes", new() { ["code"] = "p-vo-cuong", ["name"] = "Phường Võ Cường", ["provinceCode"] = "bac-ninh" });
        var again = await SubmitAsync("kind=communes", new() { ["code"] = "p-vo-cuong", ["name"] = "Trùng mã", ["provinceCode"] = "bac-ninh" });
        var contact = await SubmitAsync("kind=contacts", new() { ["name"] = "Trần Thị Mai", ["role"] = "Chủ tịch", ["unitKind"] = "union", ["unitCode"] = "cdcs-bn-002", ["phone"] = "0912000058" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-field=\"code\"", await again.Content.ReadAsStringAsync());
        Assert.Equal("Phường Võ Cường", await ScalarAsync<string>("select name from communes where code = 'p-vo-cuong'"));
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        var id = await ScalarAsync<string>("select id from contacts where phone = '0912000058'");
        Assert.Equal($"/Admin/Registry?kind=contacts&saved={id}", contact.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_entry_is_not_found_and_a_post_without_its_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/Admin/RegistryEntry?kind=workplaces&key=BN-999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/Admin/RegistryEntry?kind=provinces")).StatusCode);
        var forged = await _admin.PostAsync("/Admin/RegistryEntry?kind=workplaces&key=BN-003", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("x", await ScalarAsync<string>("select name from workplaces where code = 'BN-003'"));
    }

    /// <summary>The form's fields with their current values: inputs, and the selected option of each select.</summary>
    private static Dictionary<string, string> Fields(string html)
    {
        var fields = Input().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (Match select in Select().Matches(html))
            fields[select.Groups["name"].Value] = Selected().Match(select.Groups["options"].Value) is { Success: true } s ? s.Groups[1].Value : "";
        return fields;
    }

    [GeneratedRegex("""<input id="f-[^"]+" name="(?<name>[^"]+)" value="(?<value>[^"]*)""")]
    private static partial Regex Input();

    [GeneratedRegex("""<select id="f-[^"]+" name="(?<name>[^"]+)">(?<options>.*?)</select>""", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("""<option value="([^"]*)" selected="selected">""")]
    private static partial Regex Selected();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
