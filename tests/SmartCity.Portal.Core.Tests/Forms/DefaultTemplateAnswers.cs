namespace SmartCity.Portal.Core.Tests.Forms;

/// <summary>A whole report on the default template, as Krabi Town Municipality might send it.</summary>
internal static class DefaultTemplateAnswers
{
    public const string ProjectsSection = """
        "projects": { "items": [
          { "title": "ระบบเฝ้าระวังคุณภาพอากาศและน้ำเสียแบบเรียลไทม์", "dimensions": ["environment", "governance"],
            "problem": "ค่าฝุ่นละอองสูงในฤดูแล้งและน้ำเสียจากชุมชนไหลลงแม่น้ำกระบี่",
            "solution": "ติดตั้งเซนเซอร์ตรวจวัด PM2.5 และคุณภาพน้ำ เชื่อมต่อแพลตฟอร์มข้อมูลเมือง",
            "startDate": "2024-01-15", "status": "operating", "budget": 2450000.50, "fundingSources": ["own", "governmentGrant"],
            "partners": "มหาวิทยาลัยราชภัฏสุราษฎร์ธานี, สำนักงานสิ่งแวดล้อมภาคที่ 15",
            "indicator1Name": "จำนวนจุดตรวจวัดที่รายงานผลอัตโนมัติ", "indicator1Unit": "จุด",
            "indicator1Baseline": 0, "indicator1Target": 12, "indicator1Actual": 10,
            "indicator2Name": "ร้อยละของวันที่ค่าฝุ่นเกินมาตรฐาน", "indicator2Unit": "ร้อยละ", "indicator2Baseline": 18.5, "indicator2Target": 10,
            "beneficiaries": 31653, "beneficiaryGroups": "ประชาชนในเขตเทศบาลและนักท่องเที่ยว", "evidence": [101, 102] },
          { "title": "แอปพลิเคชันแจ้งเหตุและร้องเรียน", "dimensions": ["governance", "people"],
            "problem": "การรับเรื่องร้องเรียนทางโทรศัพท์ติดตามผลไม่ได้", "solution": "แอปพลิเคชันบนไลน์พร้อมแผนที่และสถานะเรื่อง",
            "startDate": "2023-06-01", "status": "completed", "budget": 350000, "fundingSources": ["own"],
            "indicator1Name": "ระยะเวลาเฉลี่ยในการแก้ไขเรื่องร้องเรียน", "indicator1Unit": "วัน",
            "indicator1Baseline": 14, "indicator1Target": 5, "indicator1Actual": 4.5, "beneficiaries": 12000 }
        ] }
        """;

    public const string Complete = "{" + Head + ProjectsSection + Tail + "}";

    /// <summary>
    /// <see cref="Complete"/> without the file answers: what a report can hold before any evidence is uploaded
    /// (the server accepts only attachment ids of the report's own files, and none of these tests upload).
    /// </summary>
    public static readonly string CompleteWithoutFiles = Complete
        .Replace(""", "evidence": [101, 102]""", "", StringComparison.Ordinal)
        .Replace(""", "localPlanFiles": [100]""", "", StringComparison.Ordinal);

    public const string WithoutFirstIndicatorTarget = "{" + Head + ProjectsSectionWithoutTarget + Tail + "}";

    private const string ProjectsSectionWithoutTarget = """
        "projects": { "items": [ { "title": "ไฟถนนอัจฉริยะ", "dimensions": ["energy"], "problem": "ค่าไฟสูง", "solution": "โคมแอลอีดีควบคุมระยะไกล",
          "startDate": "2025-02-01", "status": "planned", "budget": 500000, "fundingSources": ["own"],
          "indicator1Name": "พลังงานไฟฟ้าที่ลดลง", "indicator1Unit": "ร้อยละ", "indicator1Baseline": 0, "beneficiaries": 5000 } ] }
        """;

    private const string Head = """
        "org": { "name": "เทศบาลเมืองกระบี่", "class": "town", "district": "เมืองกระบี่", "province": "กระบี่",
                 "population": 31653, "area": 19.1, "annualBudget": 512000000,
                 "coordinatorName": "นางสาวกนกพร ศรีสุข", "coordinatorPosition": "นักวิเคราะห์นโยบายและแผนชำนาญการ",
                 "coordinatorPhone": "075 611 001", "coordinatorEmail": "smartcity@krabicity.go.th" },
        "vision": { "vision": "กระบี่ เมืองน่าอยู่ ท่องเที่ยวยั่งยืน ด้วยข้อมูลและเทคโนโลยี",
                    "areaCovered": "ทั้งเขตเทศบาลเมืองกระบี่ 19.1 ตารางกิโลเมตร", "inLocalPlan": true,
                    "localPlanLink": "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) ยุทธศาสตร์ที่ 3 การพัฒนาเมืองน่าอยู่", "localPlanFiles": [100] },

        """;

    private const string Tail = """
        ,
        "data": { "hasDataPlatform": true, "dataPlatform": "ศูนย์ข้อมูลเมืองรวมข้อมูลเซนเซอร์และเรื่องร้องเรียน",
                  "publishesOpenData": true, "openDataLink": "https://data.krabicity.go.th", "openDataSets": 24,
                  "cybersecurity": "ไฟร์วอลล์ การสำรองข้อมูลรายวัน และการอบรมบุคลากร", "hasDpo": true,
                  "personalData": "ประกาศความเป็นส่วนตัวและบันทึกการประมวลผลข้อมูลส่วนบุคคล" },
        "people": { "participation": "เวทีประชาคมทุกชุมชนปีละสองครั้ง", "participationChannels": ["forum", "online"],
                    "staffSkills": "หลักสูตรการใช้ข้อมูลเพื่อการตัดสินใจ", "trainedStaff": 45 },
        "sustainability": { "sustainability": "บรรจุค่าบำรุงรักษาในงบประมาณประจำปี", "fundingModel": "งบประมาณของเทศบาลร่วมกับเงินอุดหนุน" },
        "awards": { "items": [ { "name": "รางวัลเมืองสิ่งแวดล้อมยั่งยืน", "awardedBy": "กรมส่งเสริมคุณภาพสิ่งแวดล้อม", "year": 2566 } ] },
        "certification": { "certifierName": "นายกิตติพงษ์ บุญมา", "certifierPosition": "นายกเทศมนตรีเมืองกระบี่", "certifiedOn": "2024-08-10" }
        """;
}
