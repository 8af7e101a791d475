using System.Text;
using Directive58.Surveys.Import.Encodings;

namespace Directive58.Surveys.Tests.Import.Encodings;

public sealed class VniTests
{
    private static string Decode(string latin1) => Vni.Decode(Encoding.Latin1.GetBytes(latin1));

    [Theory]
    [InlineData("Vieät Nam", "Việt Nam")]
    [InlineData("Coâng ñoaøn cô sôû", "Công đoàn cơ sở")]
    [InlineData("ngöôøi lao ñoäng", "người lao động")]
    [InlineData("Tieàn löông chaäm traû", "Tiền lương chậm trả")]
    [InlineData("baûo hieåm xaõ hoäi", "bảo hiểm xã hội")]
    [InlineData("aên ca, taêng ca, naéng noùng", "ăn ca, tăng ca, nắng nóng")]
    [InlineData("Ñaêk Laêk, Kieân Giang, Tænh", "Đăk Lăk, Kiên Giang, Tỉnh")]
    [InlineData("LIEÂN ÑOAØN LAO ÑOÄNG", "LIÊN ĐOÀN LAO ĐỘNG")]
    [InlineData("yù kieán, kyõ sö, Myõ, kyø", "ý kiến, kỹ sư, Mỹ, kỳ")]
    public void Published_VNI_spellings_decode_to_Unicode(string vni, string unicode)
    {
        Assert.Equal(unicode, Decode(vni));
    }

    [Fact]
    public void Every_Vietnamese_letter_in_both_cases_survives_a_round_trip()
    {
        const string lower = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
        var text = lower + " " + lower.ToUpperInvariant();

        Assert.Equal(text, Vni.Decode(Vni.Encode(text)));
    }

    [Fact]
    public void A_letter_takes_one_or_two_bytes_as_the_VNI_layout_says()
    {
        Assert.Equal("Vieät", Encoding.Latin1.GetString(Vni.Encode("Việt")));
        Assert.Equal("ñöôïc", Encoding.Latin1.GetString(Vni.Encode("được")));
        Assert.Equal("Ò", Encoding.Latin1.GetString(Vni.Encode("Ị")));
    }
}
