using SmartCity.Portal.Common;

namespace SmartCity.Portal.Submissions.Workflow;

public static class WorkflowMessages
{
    public static readonly PortalMessage SubmissionNotFound = new("submission-not-found",
        "ไม่พบรายงานนี้ หรือรายงานนี้อยู่นอกเขตความรับผิดชอบของท่าน", "This submission was not found or lies outside your jurisdiction.");

    public static readonly PortalMessage CampaignNotFound = new("campaign-not-found",
        "ไม่พบรอบการคัดเลือกนี้", "This selection round was not found.");

    public static readonly PortalMessage NotYourRole = new("not-your-role",
        "บทบาทของท่านไม่สามารถดำเนินการนี้ได้", "Your role cannot take this action.");

    public static readonly PortalMessage NotHolder = new("not-holder",
        "รายงานนี้ไม่ได้อยู่ที่หน่วยงานของท่านในขณะนี้", "This submission is not held by your office at the moment.");

    public static readonly PortalMessage NotInState = new("not-permitted-in-state",
        "ไม่สามารถดำเนินการนี้ได้ในสถานะปัจจุบันของรายงาน", "This action is not possible in the submission's current state.");

    public static readonly PortalMessage CommentRequired = new("comment-required",
        "กรุณาระบุเหตุผลหรือความเห็น", "Please give a reason or comment.");

    public static readonly PortalMessage AnswersRequired = new("answers-required",
        "ยังไม่ได้กรอกแบบรายงาน กรุณากรอกข้อมูลก่อนส่ง", "The report is empty; please fill it in before submitting.");

    public static readonly PortalMessage DeadlinePassed = new("deadline-passed",
        "พ้นกำหนดเวลาส่งแล้ว ตามหนังสือสั่งการถือว่าไม่ประสงค์เข้าร่วมการคัดเลือก", "The deadline has passed; under the circular letter this counts as not taking part.");

    public static readonly PortalMessage DlaDeadlinePassed = new("dla-deadline-passed",
        "พ้นกำหนดเวลาส่งรายงานถึงกรมแล้ว", "The deadline for forwarding to DLA has passed.");

    public static readonly PortalMessage PaperCopyRequired = new("paper-copy-required",
        "ต้องบันทึกการรับเอกสารฉบับจริงก่อนส่งต่อถึงกรม", "The paper copy must be recorded before forwarding to DLA.");

    public static readonly PortalMessage DispatchRequired = new("dispatch-required",
        "รอบการคัดเลือกนี้ต้องส่งเอกสารฉบับจริงถึงกรม การส่งต่อถึงกรมจึงทำได้ด้วยหนังสือนำส่งเท่านั้น กรุณาใช้ \"ออกหนังสือนำส่ง\" ที่หน้าหนังสือนำส่งรายงานถึงกรม (/province/dispatches หรือ POST /api/v1/dispatches)",
        "This round wants the paper copy at DLA, so a report goes on to DLA only under a cover letter: use \"Create dispatch\" on the Dispatches to DLA page (/province/dispatches, or POST /api/v1/dispatches).");

    public static readonly PortalMessage ExtensionInvalid = new("extension-invalid",
        "วันขยายเวลาต้องอยู่หลังกำหนดเดิมและไม่เกินกำหนดส่งถึงกรม", "The extended deadline must be after the current one and no later than the DLA deadline.");

    public static readonly PortalMessage CampaignNotOpen = new("campaign-not-open",
        "รอบการคัดเลือกนี้ไม่ได้เปิดรับรายงาน", "This selection round is not open for reports.");

    public static readonly PortalMessage Stale = new("stale",
        "มีผู้อื่นแก้ไขรายงานนี้ไปแล้ว กรุณาโหลดข้อมูลล่าสุดแล้วลองอีกครั้ง ข้อมูลของท่านยังไม่ถูกบันทึกทับ",
        "Someone else changed this submission. Please reload it and try again; nothing was overwritten.");

    public static readonly PortalMessage AnswersNotJson = new("answers-not-json",
        "ข้อมูลแบบรายงานไม่อยู่ในรูปแบบ JSON object", "The answers must be a JSON object.");

    public static readonly PortalMessage OwnDeadlineForbidden = new("own-deadline-forbidden",
        "เฉพาะเจ้าหน้าที่ของสำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอหรือจังหวัดเท่านั้นที่กำหนดเวลาส่งของหน่วยงานตนเองได้",
        "Only district and provincial officers may set their own office's deadline.");

    public static readonly PortalMessage OwnDeadlineCampaignClosed = new("own-deadline-campaign-closed",
        "ไม่สามารถเปลี่ยนกำหนดเวลาได้ เนื่องจากรอบการคัดเลือกนี้ปิดรับรายงานแล้ว",
        "The deadline cannot be changed: this selection round is no longer open.");

    public static readonly PortalMessage OwnDeadlineInPast = new("own-deadline-in-past",
        "กำหนดเวลาของหน่วยงานต้องเป็นเวลาในอนาคต", "The office's deadline must be in the future.");

    /// <summary>The office's deadline would be later than the one binding it from above; the limit is named.</summary>
    public static PortalMessage OwnDeadlineAfterParent(DateTime limitUtc) => new("own-deadline-after-parent",
        $"กำหนดเวลาของหน่วยงานต้องไม่เกิน {ThaiTime.FormatDateTime(limitUtc)} ซึ่งเป็นกำหนดของหน่วยงานต้นสังกัด",
        $"The office's deadline may be no later than {ThaiTime.FormatDateTime(limitUtc, english: true)}, the deadline of the parent office.");
}
