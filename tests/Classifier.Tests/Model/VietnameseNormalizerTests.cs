using System.Text;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

public class VietnameseNormalizerTests
{
    [Fact]
    public void Nfc_and_nfd_input_give_identical_output()
    {
        const string text = "Công nhân ngừng việc vì công ty nợ lương 3 tháng, Đình công!";

        var composed = VietnameseNormalizer.Normalize(text.Normalize(NormalizationForm.FormC));
        var decomposed = VietnameseNormalizer.Normalize(text.Normalize(NormalizationForm.FormD));

        Assert.Equal(composed.Clean, decomposed.Clean);
        Assert.Equal(composed.Tokens, decomposed.Tokens);
    }

    [Fact]
    public void Text_with_and_without_diacritics_gives_the_same_tokens()
    {
        var marked = VietnameseNormalizer.Normalize("Công nhân ngừng việc, đòi tăng lương");
        var unmarked = VietnameseNormalizer.Normalize("cong nhan ngung viec, doi tang luong");

        Assert.Equal(["cong", "nhan", "ngung", "viec", "doi", "tang", "luong"], marked.Tokens);
        Assert.Equal(marked.Tokens, unmarked.Tokens);
    }

    [Fact]
    public void Diacritic_folding_maps_d_with_stroke_and_keeps_case()
    {
        Assert.Equal("Dinh cong o Dong Nai", DiacriticFolding.Strip("Đình công ở Đồng Nai"));
    }

    [Theory]
    [InlineData("ko", "khong")]
    [InlineData("hok", "khong")]
    [InlineData("đc", "duoc")]
    [InlineData("dc", "duoc")]
    [InlineData("cty", "cong ty")]
    [InlineData("cn", "cong nhan")]
    [InlineData("NLĐ", "nguoi lao dong")]
    [InlineData("nld", "nguoi lao dong")]
    [InlineData("BHXH", "bao hiem xa hoi")]
    [InlineData("tc", "tang ca")]
    [InlineData("ae", "anh em")]
    [InlineData("ql", "quan ly")]
    [InlineData("sx", "san xuat")]
    [InlineData("tl", "tien luong")]
    [InlineData("j", "gi")]
    [InlineData("vs", "voi")]
    [InlineData("r", "roi")]
    [InlineData("ng", "nguoi")]
    public void Chat_spellings_expand_to_the_full_words(string chat, string expected)
    {
        Assert.Equal(expected, VietnameseNormalizer.Normalize(chat).Folded);
    }

    [Fact]
    public void Chat_and_full_spelling_of_a_sentence_meet()
    {
        var chat = VietnameseNormalizer.Normalize("cty ko trả lương, ae cn đc báo nghỉ r");
        var full = VietnameseNormalizer.Normalize("Công ty không trả lương, anh em công nhân được báo nghỉ rồi");

        Assert.Equal(full.Tokens, chat.Tokens);
    }

    [Theory]
    [InlineData("lương 2tr", "luong <money> trieu")]
    [InlineData("lương 7 triệu đồng", "luong <money> trieu dong")]
    [InlineData("thưởng 500k", "thuong <money> nghin")]
    [InlineData("nợ 12.000.000đ", "no <money> dong")]
    [InlineData("300 cn nghỉ", "<bignum> cong nhan nghi")]
    [InlineData("làm 12h mỗi ngày", "lam <num> gio moi ngay")]
    [InlineData("từ 9/2 tăng 5%", "tu <date> tang <percent>")]
    public void Numbers_and_money_become_placeholder_tokens(string text, string expected)
    {
        Assert.Equal(expected, VietnameseNormalizer.Normalize(text).Folded);
    }

    [Theory]
    [InlineData("gọi 0912 345 678 nhé", "<phone>")]
    [InlineData("số +84912345678", "<phone>")]
    [InlineData("cmnd 123456789", "<idnumber>")]
    [InlineData("cccd 001203004567", "<idnumber>")]
    [InlineData("mail nguyen.van.a@gmail.com", "<email>")]
    public void Personal_data_is_masked(string text, string placeholder)
    {
        var normalized = VietnameseNormalizer.Normalize(text);

        Assert.Contains(placeholder, normalized.Tokens);
        Assert.DoesNotContain(normalized.Clean, char.IsAsciiDigit);
        Assert.DoesNotContain("gmail", normalized.Clean);
    }

    [Fact]
    public void Stretched_vowels_shrink_but_consonant_abbreviations_stay()
    {
        Assert.Equal(["met", "qua", "can", "cuoc", "cong", "dan"], VietnameseNormalizer.Normalize("mệt quáaaaa cccd").Tokens);
    }

    [Fact]
    public void Text_with_tone_marks_keeps_its_tokens_as_written_and_text_without_has_none()
    {
        var marked = VietnameseNormalizer.Normalize("Cty NỢ lương 2tr");
        var decomposed = VietnameseNormalizer.Normalize("Cty NỢ lương 2tr".Normalize(NormalizationForm.FormD));
        var unmarked = VietnameseNormalizer.Normalize("Cty no luong 2tr");

        Assert.Equal(["cty", "nợ", "lương", "<money>", "triệu"], marked.MarkedTokens);
        Assert.Equal(marked.MarkedTokens, decomposed.MarkedTokens);
        Assert.Empty(unmarked.MarkedTokens);
        Assert.Equal(marked.Tokens, unmarked.Tokens);
    }
}
