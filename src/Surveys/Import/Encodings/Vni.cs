using System.Text;

namespace Directive58.Surveys.Import.Encodings;

/// <summary>
/// VNI Windows (the VNI-Times fonts): Vietnamese written with Windows-1252 bytes, where most
/// accented letters are a base letter followed by a trailing mark character — "Vieät" is "Việt":
/// 'e' then 'ä' (circumflex + dot below). Ơ, Ư, Đ, the toned I's and Ỵ are single characters.
/// No .NET encoding exists for it; the tables follow the published VNI layout (as in xvnkb's
/// vni.h and public converters), built here from the marks so each row stays checkable.
/// </summary>
public static class Vni
{
    private const string Tones = "\u0301\u0300\u0309\u0303\u0323"; // acute, grave, hook, tilde, dot below
    private const string ToneMarksUpper = "ÙØÛÕÏ";
    private const string CircumflexMarksUpper = "ÂÁÀÅÃÄ"; // plain, then the five tones
    private const string BreveMarksUpper = "ÊÉÈÚÜË";

    private static readonly Dictionary<(char Base, char Mark), char> Composed = new();
    private static readonly Dictionary<char, char> Singles = new();
    private static readonly Dictionary<char, string> Reverse = new();

    static Vni()
    {
        foreach (var upper in new[] { true, false })
        {
            string Case(string s) => upper ? s : s.ToLowerInvariant();
            var tones = Case(ToneMarksUpper);
            var circ = Case(CircumflexMarksUpper);
            var breve = Case(BreveMarksUpper);
            // Ơ and Ư are the single characters Ô and Ö; they take tone marks like any base.
            var bases = new (char Vni, string Unicode)[] { ('A', "A"), ('E', "E"), ('O', "O"), ('U', "U"), ('Y', "Y"), ('Ô', "O\u031B"), ('Ö', "U\u031B") };
            foreach (var (vniBase, unicodeBase) in bases)
            {
                var b = Case(vniBase.ToString())[0];
                var u = Case(unicodeBase);
                Single(b, u);
                for (var t = 0; t < 5; t++) Add(b, tones[t], u + Tones[t]);
                if (vniBase is 'A' or 'E' or 'O')
                {
                    Add(b, circ[0], u + "\u0302");
                    for (var t = 0; t < 5; t++) Add(b, circ[t + 1], u + "\u0302" + Tones[t]);
                }
                if (vniBase == 'A')
                {
                    Add(b, breve[0], u + "\u0306");
                    for (var t = 0; t < 5; t++) Add(b, breve[t + 1], u + "\u0306" + Tones[t]);
                }
            }
            // Toned I's, Ỵ and Đ are single characters of their own.
            var iSingles = Case("ÍÌÆÓÒ");
            for (var t = 0; t < 5; t++) Single(iSingles[t], Case("I") + Tones[t]);
            Single(Case("Î")[0], Case("Y") + "\u0323");
            Single(Case("Ñ")[0], upper ? "Đ" : "đ");
        }
    }

    private static void Add(char vniBase, char mark, string unicode)
    {
        var letter = unicode.Normalize(NormalizationForm.FormC)[0];
        Composed[(vniBase, mark)] = letter;
        Reverse.TryAdd(letter, $"{vniBase}{mark}");
    }

    private static void Single(char vni, string unicode)
    {
        var letter = unicode.Normalize(NormalizationForm.FormC)[0];
        if (vni != letter) Singles[vni] = letter;
        Reverse[letter] = vni.ToString();
    }

    /// <summary>Converts text whose characters are the file's bytes (read as Latin-1) to Unicode.</summary>
    public static string ToUnicode(string latin1)
    {
        var result = new StringBuilder(latin1.Length);
        for (var i = 0; i < latin1.Length; i++)
        {
            var c = latin1[i];
            if (i + 1 < latin1.Length && Composed.TryGetValue((c, latin1[i + 1]), out var letter)) { result.Append(letter); i++; }
            else result.Append(Singles.GetValueOrDefault(c, c));
        }
        return result.ToString();
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => ToUnicode(Encoding.Latin1.GetString(bytes));

    /// <summary>Encodes Unicode as VNI Windows bytes; characters it cannot write become '?'.</summary>
    public static byte[] Encode(string text)
    {
        var latin1 = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
            latin1.Append(c < 0x80 ? c.ToString() : Reverse.GetValueOrDefault(c, "?"));
        return Encoding.Latin1.GetBytes(latin1.ToString());
    }
}
