using System.Globalization;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Registers;

/// <summary>One municipality's line in the letter's list, numbers already in Thai digits as printed.</summary>
public sealed record DispatchLetterRow(string Order, string Municipality, string District, string ReferenceNo, string PaperReceiveNo);

/// <summary>
/// The cover letter (หนังสือภายนอก) of a dispatch, worded once: the printable page and the .docx
/// both render this, so the two never say different things. Dates and numbers use Thai digits.
/// </summary>
public sealed record DispatchLetter(
    string LetterNo, string OfficeName, string Address, string Date, string Subject, string To, string Reference, string Enclosure,
    IReadOnlyList<string> Paragraphs, IReadOnlyList<DispatchLetterRow> Rows, string Closing, IReadOnlyList<string> Signature, string Footer)
{
    public const string Addressee = "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น";

    private const string ReportName = "แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ";

    public static DispatchLetter From(DispatchDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var d = detail.Summary;
        var province = detail.FromProvinceNameTh;
        var count = ThaiDigits.ToThai(detail.Items.Count);
        var rows = detail.Items
            .Select((item, index) => new DispatchLetterRow(
                ThaiDigits.ToThai(index + 1), item.Municipality.NameTh, item.DistrictNameTh ?? "", item.ReferenceNo ?? "",
                item.PaperReceiveNo is null ? "" : ThaiDigits.ToThai(item.PaperReceiveNo)))
            .ToList();
        return new DispatchLetter(
            LetterNo: d.LetterNo,
            OfficeName: d.From.NameTh,
            Address: "ศาลากลางจังหวัด" + province,
            Date: ThaiDate(d.LetterDate),
            Subject: $"นำส่ง{ReportName} ฉบับจริง",
            To: Addressee,
            Reference: $"หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ {detail.CampaignLetterNo} ลงวันที่ {ThaiDate(detail.CampaignLetterDateUtc)}",
            Enclosure: $"{ReportName} ฉบับจริง จำนวน {count} ชุด",
            Paragraphs:
            [
                $"ตามหนังสือที่อ้างถึง กรมส่งเสริมการปกครองท้องถิ่นแจ้งแนวทาง{ThaiDigits.ToThai(detail.CampaignTitle)} และให้จังหวัดจัดส่ง{ReportName} ฉบับจริง ให้กรมส่งเสริมการปกครองท้องถิ่น ความละเอียดแจ้งแล้ว นั้น",
                $"จังหวัด{province}ขอส่ง{ReportName} ฉบับจริง ของเทศบาลในพื้นที่จังหวัด{province} จำนวน {count} แห่ง ตามบัญชีรายชื่อข้างล่างนี้ รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
                "จึงเรียนมาเพื่อโปรดพิจารณา",
            ],
            Rows: rows,
            Closing: "ขอแสดงความนับถือ",
            Signature: ["(.............................................)", $"ผู้ว่าราชการจังหวัด{province}"],
            Footer: d.From.NameTh);
    }

    /// <summary>"๒๐ พฤศจิกายน ๒๕๖๙": the Bangkok date with the Thai month and the Buddhist year, in Thai digits.</summary>
    public static string ThaiDate(DateTime utc) => ThaiDigits.ToThai(ThaiTime.FormatDate(utc));

    /// <summary>The file name of the letter: its number with what a file system cannot hold replaced.</summary>
    public string FileName(string extension)
    {
        var safe = string.Concat(LetterNo.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '-' : c));
        return string.Create(CultureInfo.InvariantCulture, $"หนังสือนำส่ง {safe}.{extension}");
    }
}
