using Directive58.ServiceDefaults.Privacy;

namespace Directive58.ServiceDefaults.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("goi cho em 0912345678 nhe", "goi cho em [SĐT] nhe")]
    [InlineData("SĐT: 0912 345 678.", "SĐT: [SĐT].")]
    [InlineData("lien he +84 912-345-678", "lien he [SĐT]")]
    [InlineData("so 84912345678 cua to truong", "so [SĐT] cua to truong")]
    public void Phone_numbers_are_masked_in_any_grouping(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("CCCD 001203004005 cua chi Lan", "CCCD [CCCD] cua chi Lan")]
    [InlineData("CMND số 123456789 bị giữ", "CMND số [CCCD] bị giữ")]
    public void Nine_and_twelve_digit_id_numbers_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Fact]
    public void Emails_are_masked() =>
        Assert.Equal("gửi về [email] giúp em", PersonalDataMasker.Mask("gửi về nguyen.van-a@cty-abc.com.vn giúp em"));

    [Theory]
    [InlineData("nợ lương 2.500.000 đồng mỗi người")]
    [InlineData("khoảng 1.840 công nhân, 3 tháng nợ 12 tỷ")]
    [InlineData("năm 2026 có 10000000 đồng thưởng Tết")]
    [InlineData("ca 3 từ 22h đến 6h")]
    public void Money_amounts_counts_and_dates_are_left_alone(string text) =>
        Assert.Equal(text, PersonalDataMasker.Mask(text));
}
