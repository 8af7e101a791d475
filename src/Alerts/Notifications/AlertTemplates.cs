using System.Globalization;
using Directive58.Alerts.Detection;
using Directive58.Contracts;

namespace Directive58.Alerts.Notifications;

/// <summary>Vietnamese first, English after: the texts of email and SMS. Times in Vietnam time.</summary>
public static class AlertTemplates
{
    public static string Subject(AlertNotice n) => n.EscalationStep == 0
        ? $"[{HotSpotLevel.NameVi(n.Level)}] {n.Title}"
        : $"[Chuyển cấp / Escalated] {n.Title}";

    public static string Body(AlertNotice n)
    {
        var due = Local(n.DueAt);
        var intro = n.EscalationStep == 0
            ? $"Kính gửi {n.RecipientUnitName},\n\nHệ thống ghi nhận một điểm nóng cần xử lý: {n.Title}."
            : $"Kính gửi {n.RecipientUnitName},\n\nCảnh báo sau chưa được đơn vị cấp dưới xác nhận đúng hạn và được chuyển lên đơn vị: {n.Title}.";
        return $"""
            {intro}
            Mức độ: {HotSpotLevel.NameVi(n.Level)}. Đề nghị xác nhận và xử lý trước {due}.
            {(n.Link is null ? "" : $"Xem chi tiết: {n.Link}\n")}
            Thông tin mô tả tình hình, không nêu danh tính người lao động hay người báo tin.

            ---
            English: {(n.EscalationStep == 0 ? "a hot spot needs attention" : "an alert was not acknowledged in time and is escalated to you")}: {n.Title}.
            Level: {n.Level}. Please acknowledge and act before {due} (UTC+7).
            """;
    }

    /// <summary>Short enough for two SMS segments; diacritics kept, as Vietnamese phones display them.</summary>
    public static string Sms(AlertNotice n) =>
        $"D58 {HotSpotLevel.NameVi(n.Level)}{(n.EscalationStep > 0 ? " (chuyển cấp)" : "")}: {n.Title}. Xác nhận trước {Local(n.DueAt)}.";

    private static string Local(DateTimeOffset at) =>
        at.ToOffset(DailyAlertCounts.VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
