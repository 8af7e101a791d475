using System.Text;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

public class StableHashTests
{
    // Published FNV-1a 32-bit test vectors (Fowler–Noll–Vo reference, www.isthe.com/chongo/tech/comp/fnv).
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_matches_the_published_test_vectors(string text, uint expected)
    {
        Assert.Equal(expected, StableHash.Fnv1a(text));
    }

    // Computed independently with Python: h=0x811c9dc5; for b in s.encode(): h=((h^b)*0x01000193)&0xffffffff
    [Theory]
    [InlineData("ngừng việc", 0xa1b7761fu)]
    [InlineData("w:cong nhan", 0x775e092au)]
    public void Fnv1a_of_vietnamese_text_is_a_fixed_known_value(string text, uint expected)
    {
        Assert.Equal(expected, StableHash.Fnv1a(text));
    }

    [Theory]
    [InlineData("Đình công")]
    [InlineData("emoji 😀 and ascii")]
    [InlineData("lone \ud800 surrogate")]
    public void Hashing_characters_equals_hashing_their_utf8_bytes(string text)
    {
        uint reference = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text)) reference = (reference ^ b) * 16777619;

        Assert.Equal(reference, StableHash.Fnv1a(text));
        Assert.Equal(reference, StableHash.Fnv1a(Encoding.UTF8.GetBytes(text)));
    }
}
