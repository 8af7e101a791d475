using Directive58.Surveys.Import.Encodings;

namespace Directive58.Surveys.Tests.Import.Encodings;

public sealed class Tcvn3Tests
{
    [Fact]
    public void Bytes_written_by_hand_from_the_VN3_table_decode_to_Unicode()
    {
        // "Công đoàn cơ sở" in TCVN3: C «(0xAB ô) n g, ®(0xAE đ) o µ(0xB5 à) n, c ¬(0xAC ơ), s ë(0xEB ở)
        byte[] bytes = [(byte)'C', 0xAB, (byte)'n', (byte)'g', (byte)' ', 0xAE, (byte)'o', 0xB5, (byte)'n', (byte)' ', (byte)'c', 0xAC, (byte)' ', (byte)'s', 0xEB];

        Assert.Equal("Công đoàn cơ sở", Tcvn3.Decode(bytes));
    }

    [Fact]
    public void The_capitals_the_encoding_has_decode_as_capitals()
    {
        Assert.Equal("ĂÂÊÔƠƯĐ", Tcvn3.Decode([0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7]));
    }

    [Fact]
    public void Every_lower_case_Vietnamese_letter_survives_a_round_trip()
    {
        const string letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
        var bytes = Tcvn3.Encode(letters);

        Assert.Equal(letters.Length, bytes.Length);
        Assert.Equal(letters, Tcvn3.Decode(bytes));
    }

    [Fact]
    public void Upper_case_toned_letters_which_TCVN3_lacks_come_back_lower_case()
    {
        Assert.Equal("người lao động", Tcvn3.Decode(Tcvn3.Encode("NGƯỜI LAO ĐỘNG")).Replace("Ư", "ư").Replace("Đ", "đ").ToLowerInvariant());
        Assert.Equal("ờ", Tcvn3.Decode(Tcvn3.Encode("Ờ")));
    }
}
