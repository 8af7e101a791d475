namespace Directive58.Dashboard.Demo;

/// <summary>Demo report texts in the voices the system receives: with and without diacritics, chat spellings included.</summary>
internal static class DemoReports
{
    /// <summary>Everyday reports, spread over the week across all workplaces.</summary>
    public static readonly string[] Background =
    [
        "Thang nay cty tra luong cham 5 ngay, ae hoi buc nhung chua ai noi gi",
        "Công nhân tổ may 3 phản ánh phiếu lương tháng 10 tính sai tiền chuyên cần.",
        "Bếp ăn ca tối nay cơm nguội, canh nhạt, nhiều chị em bỏ dở bữa.",
        "tc lien tuc 3 tuan nay, chu nhat cung phai di lam, ko dc nghi",
        "Phòng trọ gần KCN tăng giá điện lên 4.000đ/số, nhiều bạn tính chuyển đi.",
        "Tổ trưởng chuyền 5 hay quát mắng công nhân mới, có bạn khóc xin nghỉ.",
        "Xe đưa đón ca đêm hay đến muộn, công nhân phải đứng chờ ngoài đường.",
        "Nghe noi cty sap cat giam don hang, ae lo bi cho nghi viec",
        "Công đoàn tổ chức khám sức khỏe định kỳ cho người lao động vào thứ 7 tuần này.",
        "Nha xuong nong qua, quat hu 2 cai chua sua, chieu nay co ban bi choang",
        "Hợp đồng thử việc của mấy bạn mới vào đã quá 2 tháng mà chưa ký chính thức.",
        "Cảm ơn công đoàn đã hỗ trợ quà cho con công nhân dịp Trung thu.",
        "Cong nhan hoi cach rut bhxh 1 lan, ai biet chi giup",
        "Nhà trẻ gần khu trọ đóng cửa sớm, công nhân ca chiều không biết gửi con ở đâu.",
        "Quản đốc mới siết giờ đi vệ sinh, mỗi lần quá 5 phút bị ghi tên trừ điểm.",
        "Buổi đối thoại định kỳ quý 4 giữa công đoàn và giám đốc đã diễn ra, công nhân nêu 12 ý kiến.",
    ];

    /// <summary>Trouble building at one workplace: elevated reports from several collaborators.</summary>
    public static readonly string[] Building =
    [
        "Cty no luong thang 9 va thang 10 roi, nhieu cn bao se nghi neu khong tra truoc 15",
        "Công ty chưa đóng BHXH 6 tháng nay, sổ bảo hiểm của cả xưởng đang bị nợ.",
        "Anh em to han noi neu tuan sau chua co luong thi se khong tang ca nua",
        "Nhiều công nhân bức xúc vì công ty nợ lương hai tháng, đang bàn nhau làm đơn tập thể.",
    ];

    /// <summary>A hot spot: collective action under way.</summary>
    public static readonly string[] Critical =
    [
        "Sáng nay khoảng 400 công nhân ngừng việc tập thể, tập trung trước cổng công ty đòi trả lương tháng 10.",
        "khoang 200 cn xuong 2 dinh cong tu 7h sang, khong vao ca, doi tang luong va bo quy dinh phat",
        "Sau bữa trưa hơn 40 công nhân bị nôn, đau bụng, đã đưa đi cấp cứu nghi ngộ độc thực phẩm.",
    ];
}
