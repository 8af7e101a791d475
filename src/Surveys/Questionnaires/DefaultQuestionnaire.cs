namespace Directive58.Surveys.Questionnaires;

/// <summary>
/// The questionnaire shipped with the product: the six-monthly survey of workers' thoughts and
/// wishes the action plans under Directive 58 require of every grassroots union.
/// </summary>
public static class DefaultQuestionnaire
{
    public static readonly Guid Id = new("0d58a000-5e77-4000-8000-000000000001");
    public const string Code = "tam-tu-nguyen-vong";

    private static readonly string[] Satisfaction =
        ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

    private static readonly string[] Stay =
        ["Chắc chắn sẽ nghỉ việc", "Có thể sẽ nghỉ việc", "Chưa quyết định", "Có thể sẽ ở lại", "Chắc chắn sẽ ở lại"];

    public static Questionnaire Create(DateTimeOffset now) => new()
    {
        Id = Id,
        Code = Code,
        Title = "Khảo sát tâm tư, nguyện vọng của người lao động",
        TitleEn = "Survey of workers' thoughts and wishes",
        UpdatedAt = now,
        Questions =
        [
            Scale("pay", "Mức độ hài lòng với tiền lương, thưởng", "Satisfaction with pay and bonuses"),
            Scale("hours", "Mức độ hài lòng với thời giờ làm việc, tăng ca", "Satisfaction with working hours and overtime"),
            Scale("safety", "Mức độ hài lòng với an toàn, vệ sinh lao động", "Satisfaction with safety and health at work"),
            Scale("meals", "Mức độ hài lòng với bữa ăn ca", "Satisfaction with shift meals"),
            Scale("housing", "Mức độ hài lòng với nhà ở, nơi ở trọ", "Satisfaction with housing"),
            Scale("managers", "Mức độ hài lòng với cách đối xử của người quản lý", "Satisfaction with treatment by managers"),
            Scale("union", "Mức độ hài lòng với hoạt động của công đoàn", "Satisfaction with the union"),
            new Question
            {
                Id = "stay", Kind = QuestionKinds.Scale, Dimension = Dimensions.Retention, Labels = Stay,
                Text = "Anh/chị có muốn tiếp tục gắn bó với doanh nghiệp trong 12 tháng tới?",
                TextEn = "Do you intend to stay with the company for the next 12 months?",
            },
            Text("wishes", "Tâm tư, nguyện vọng của anh/chị", "Your wishes"),
            Text("complaints", "Những bức xúc, kiến nghị (nếu có)", "Complaints and proposals, if any"),
        ],
    };

    private static Question Scale(string id, string text, string textEn) => new()
    {
        Id = id, Kind = QuestionKinds.Scale, Dimension = Dimensions.Satisfaction, Labels = Satisfaction, Text = text, TextEn = textEn,
    };

    private static Question Text(string id, string text, string textEn) => new()
    {
        Id = id, Kind = QuestionKinds.Text, Text = text, TextEn = textEn,
    };
}
