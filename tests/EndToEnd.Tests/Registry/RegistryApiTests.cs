using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Registry;

public sealed class RegistryApiTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        (await _app.StartAsync()).Dispose();
        _admin = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_workplace_can_be_created_read_replaced_and_deleted()
    {
        var created = await _admin.PostAsJsonAsync("/api/v1/workplaces", new
        {
            code = "BN-900", taxCode = "2300999999", name = "Công ty May Thử Nghiệm", sector = "garments", ownership = "private",
            workforce = 320, provinceCode = "bac-ninh", communeCode = "p-que-vo", zoneCode = "kcn-que-vo",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/v1/workplaces", new { code = "BN-900", name = "x", sector = "x", ownership = "state", provinceCode = "bac-ninh" })).StatusCode);

        var replaced = await _admin.PutAsJsonAsync("/api/v1/workplaces/BN-900", new
        {
            name = "Công ty May Thử Nghiệm 2", sector = "garments", ownership = "foreign", workforce = 400, provinceCode = "bac-ninh", unionCode = "cdcs-bn-002",
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using (var json = JsonDocument.Parse(await _admin.GetStringAsync("/api/v1/workplaces/BN-900")))
        {
            Assert.Equal("Công ty May Thử Nghiệm 2", json.RootElement.GetProperty("name").GetString());
            Assert.Equal("cdcs-bn-002", json.RootElement.GetProperty("unionCode").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("zoneCode").ValueKind);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync("/api/v1/workplaces/BN-900")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/workplaces/BN-900")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_entry_is_refused_with_its_fields_named()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/unions", new { code = "cd có dấu", name = "", level = "district", provinceCode = "bac-ninh", parentCode = "khong-co" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        foreach (var field in new[] { "code", "name", "level", "parentCode" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_union_that_others_refer_to_cannot_be_deleted()
    {
        var response = await _admin.DeleteAsync("/api/v1/unions/ldld-bac-ninh");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/v1/unions/ldld-bac-ninh")).StatusCode);
    }

    [Fact]
    public async Task A_csv_import_writes_the_good_rows_and_reports_each_bad_one_with_its_line()
    {
        const string csv =
            "code,tax_code,name,sector,ownership,workforce,province_code,commune_code,zone_code,union_code\n" +
            "BN-901,2300111111,Công ty Một,electronics,foreign,1200,bac-ninh,p-que-vo,kcn-que-vo,\n" +
            "BN-902,,Công ty Hai,garments,tư nhân,300,bac-ninh,,,\n" +
            "BN-903,,Công ty Ba,garments,private,nhiều,bac-ninh,,,\n" +
            "BN-904,,Công ty Bốn,plastics,private,80,bac-ninh,x-khong-co,,\n" +
            "BN-905,,Cong ty Nam khong dau,food_processing,private,95,bac-ninh,p-tu-son,,cdcs-bn-002\n";
        var response = await _admin.PostAsync("/api/v1/workplaces/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("imported").GetInt32());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("row").GetInt32(), e => e.GetProperty("errors"));
        Assert.Equal([3, 4, 5], errors.Keys.Order());
        Assert.True(errors[3].TryGetProperty("ownership", out _));
        Assert.True(errors[4].TryGetProperty("Workforce", out _));
        Assert.True(errors[5].TryGetProperty("communeCode", out _));
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/v1/workplaces/BN-905")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/workplaces/BN-902")).StatusCode);
    }

    [Fact]
    public async Task Contacts_are_validated_for_their_channels_and_unit()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/contacts", new { name = "Trần Văn Bình", role = "Chủ tịch", unitKind = "union", unitCode = "cdcs-bn-002", email = "khong-phai-email", webhookUrl = "ftp://x" });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("webhookUrl", out _));

        var ok = await _admin.PostAsJsonAsync("/api/v1/contacts", new { name = "Trần Văn Bình", role = "Chủ tịch", unitKind = "union", unitCode = "cdcs-bn-002", email = "binh@example.vn", phone = "+84912345678" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(ok.Headers.Location)).StatusCode);
    }
}
