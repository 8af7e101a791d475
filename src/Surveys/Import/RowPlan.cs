using System.Text;
using Directive58.ServiceDefaults.Privacy;
using Directive58.Surveys.Import.Reading;
using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Import;

/// <summary>How one row becomes a response: which cell feeds which question, and the checks each row must pass.</summary>
public sealed class RowPlan
{
    public sealed record Parsed(string? Workplace, string? Wave, string? Scores, List<(string QuestionId, string Text)> Texts, string Content, List<RowError> Errors);

    private readonly (int Index, string Header, Question Question)[] _questions;
    private readonly int _workplace = -1, _wave = -1;
    private readonly (int Index, string Header)[] _hashed;
    private readonly ImportRequest _request;
    private readonly Dictionary<string, string> _workplaces;

    public RowPlan(Questionnaire q, IReadOnlyList<string> header, IReadOnlyDictionary<string, string> mapping,
        IReadOnlyList<IdentifyingColumns.Dropped> dropped, ImportRequest request, Dictionary<string, string> workplaces)
    {
        _request = request;
        _workplaces = workplaces;
        var questions = new List<(int, string, Question)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (!mapping.TryGetValue(header[i], out var target)) continue;
            if (target == QuestionnaireEndpoints.WorkplaceColumn) _workplace = i;
            else if (target == QuestionnaireEndpoints.WaveColumn) _wave = i;
            else questions.Add((i, header[i], q.Questions.First(x => x.Id == target)));
        }
        _questions = questions.ToArray();
        // The row hash covers every cell except identifying ones, ordered by header so a re-export with moved columns matches.
        var identifying = dropped.Select(d => d.Index).ToHashSet();
        _hashed = header.Select((h, i) => (i, h)).Where(c => !identifying.Contains(c.i)).OrderBy(c => c.h, StringComparer.Ordinal).ToArray();
    }

    public Parsed Parse(TableRow row)
    {
        var errors = new List<RowError>();
        if (row.Error is not null) return new Parsed(null, null, null, [], "", [new RowError(row.Number, null, row.Error)]);
        string? Cell(int i) => i >= 0 && i < row.Cells.Length && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i]!.Trim() : null;

        var workplaceCell = Cell(_workplace) ?? _request.WorkplaceCode?.Trim();
        string? workplace = null;
        if (workplaceCell is null) errors.Add(new RowError(row.Number, QuestionnaireEndpoints.WorkplaceColumn, "Thiếu mã nơi làm việc. workplaceCode is missing."));
        else if (!_workplaces.TryGetValue(workplaceCell, out workplace))
            errors.Add(new RowError(row.Number, QuestionnaireEndpoints.WorkplaceColumn, $"Không có nơi làm việc mã '{Shorten(workplaceCell)}'. Unknown workplace."));
        else if (_request.AllowedWorkplaces?.Contains(workplace) == false)
        {
            errors.Add(new RowError(row.Number, QuestionnaireEndpoints.WorkplaceColumn, $"'{workplace}' không thuộc đơn vị của bạn. Not a workplace of your unit."));
            workplace = null;
        }

        var waveCell = Cell(_wave) ?? _request.Wave?.Trim();
        string? wave = null;
        if (waveCell is null || ResponseImporter.WavePattern().Match(waveCell) is not { Success: true } m)
            errors.Add(new RowError(row.Number, QuestionnaireEndpoints.WaveColumn, $"Đợt khảo sát '{(waveCell is null ? "" : Shorten(waveCell))}' không đúng dạng 2026-H1. The wave must look like 2026-H1."));
        else wave = $"{m.Groups[1].Value}-H{m.Groups[2].Value}";

        var scores = new StringBuilder("{");
        var texts = new List<(string, string)>();
        foreach (var (index, header, question) in _questions)
        {
            var cell = Cell(index);
            if (question.Kind == QuestionKinds.Text)
            {
                if (cell is null) continue;
                if (cell.Length > ResponseImporter.MaxTextLength)
                    errors.Add(new RowError(row.Number, header, $"Ý kiến dài quá {ResponseImporter.MaxTextLength} ký tự. Text is limited to {ResponseImporter.MaxTextLength} characters."));
                else texts.Add((question.Id, PersonalDataMasker.Mask(cell.Normalize(NormalizationForm.FormC))));
                continue;
            }
            switch (ScaleAnswer.Parse(cell, question, out var value))
            {
                case ScaleAnswer.Outcome.Value:
                    if (scores.Length > 1) scores.Append(',');
                    scores.Append('"').Append(question.Id).Append("\":").Append(value);
                    break;
                case ScaleAnswer.Outcome.Invalid:
                    errors.Add(new RowError(row.Number, header, $"'{Shorten(cell!)}' không phải điểm 1–5. Not an answer on the 1–5 scale."));
                    break;
            }
        }
        if (scores.Length == 1 && texts.Count == 0 && errors.Count == 0)
            errors.Add(new RowError(row.Number, null, "Dòng không có câu trả lời nào. The row answers no question."));
        scores.Append('}');

        var content = new StringBuilder().Append(workplace).Append('\u001F').Append(wave);
        foreach (var (index, header) in _hashed) content.Append('\u001F').Append(header).Append('=').Append(Cell(index));
        return new Parsed(workplace, wave, scores.ToString(), texts, content.ToString(), errors);
    }

    // Error reports are stored: what they quote of a cell is masked like any free text.
    private static string Shorten(string s) => PersonalDataMasker.Mask(s.Length <= 40 ? s : s[..40] + "…");
}
