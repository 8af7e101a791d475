namespace Directive58.Classifier.Tests.Model;

/// <summary>The corpus check's own logic, on texts whose overlap is known.</summary>
public class NearDuplicateDetectionTests
{
    [Fact]
    public void Texts_differing_only_in_marks_and_case_are_near_duplicates_and_different_texts_are_not()
    {
        var sets = new[]
        {
            "Công nhân ngừng việc vì công ty nợ lương ba tháng", "CONG NHAN NGUNG VIEC vi cong ty no luong ba thang!",
            "Ký túc xá thiếu nước sạch suốt một tuần nay", "Công đoàn tổ chức đối thoại với ban giám đốc",
        }.Select(TrainingDataTests.WordBigrams).ToList();

        var pairs = TrainingDataTests.NearDuplicates(sets).ToList();

        var pair = Assert.Single(pairs);
        Assert.Equal((0, 1, 1.0), pair);
    }

    [Fact]
    public void Overlap_is_measured_against_the_smaller_text()
    {
        // 4 of the short text's 4 bigrams appear in the long one: 100% > 80%, although the long one has 9.
        var sets = new[] { "nợ lương ba tháng rồi", "công ty nợ lương ba tháng rồi mà chưa trả" }.Select(TrainingDataTests.WordBigrams).ToList();

        Assert.Single(TrainingDataTests.NearDuplicates(sets));
    }
}
