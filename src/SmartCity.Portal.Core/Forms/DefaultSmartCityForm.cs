namespace SmartCity.Portal.Forms;

/// <summary>
/// The report form of DLA's circular (แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ) as the
/// starting point of every campaign: DLA copies it, edits it and publishes it as the campaign's version 1.
/// </summary>
/// <remarks>
/// Project indicators sit inside the repeatable project group, which may not hold another group, so each
/// project has three fixed indicator slots (<c>indicator1Name</c>, <c>indicator1Unit</c>,
/// <c>indicator1Baseline</c>, <c>indicator1Target</c>, <c>indicator1Actual</c>, then 2 and 3): the first is
/// required, the others optional. Baseline, target and actual are numbers in the slot's own unit, so that
/// evaluators can compare target with actual across municipalities; a yes/no indicator is written as 0/1
/// or a percentage. Three slots cover what the paper form asked for; DLA can add more in its copy.
/// </remarks>
public static class DefaultSmartCityForm
{
    public const string Key = "smart-city-report";

    public const string TitleTh = "แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ";

    public const int IndicatorSlots = 3;

    /// <summary>The seven dimensions of the Smart City Thailand framework; passed in so a campaign can use its own list.</summary>
    public static IReadOnlyList<FormOption> SmartDimensions { get; } =
    [
        new("environment", "สิ่งแวดล้อมอัจฉริยะ (Smart Environment)", "Smart environment"),
        new("economy", "เศรษฐกิจอัจฉริยะ (Smart Economy)", "Smart economy"),
        new("mobility", "การเดินทางและขนส่งอัจฉริยะ (Smart Mobility)", "Smart mobility"),
        new("energy", "พลังงานอัจฉริยะ (Smart Energy)", "Smart energy"),
        new("people", "พลเมืองอัจฉริยะ (Smart People)", "Smart people"),
        new("living", "การดำรงชีวิตอัจฉริยะ (Smart Living)", "Smart living"),
        new("governance", "การบริหารภาครัฐอัจฉริยะ (Smart Governance)", "Smart governance"),
    ];

    public static FormDefinition Create(IReadOnlyList<FormOption>? smartDimensions = null) =>
        new(Key, 1, TitleTh, "Smart City Development Report", [
            Organisation(),
            Vision(),
            Projects(smartDimensions ?? SmartDimensions),
            Data(),
            People(),
            Sustainability(),
            Awards(),
            Certification(),
        ]);

    private static FormSection Organisation() => new("org", "ส่วนที่ 1 ข้อมูลทั่วไปขององค์กรปกครองส่วนท้องถิ่น", "Part 1. The local administrative organisation", [
        Text("name", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "Name of the organisation", required: true) with { HelpTh = "เช่น เทศบาลเมืองกระบี่", HelpEn = "e.g. Krabi Town Municipality" },
        Choice("class", "ประเภทเทศบาล", "Municipality class", required: true, options: [
            new("city", "เทศบาลนคร", "City municipality"),
            new("town", "เทศบาลเมือง", "Town municipality"),
            new("subdistrict", "เทศบาลตำบล", "Subdistrict municipality"),
        ]),
        Text("district", "อำเภอ", "District", required: true),
        Text("province", "จังหวัด", "Province", required: true),
        Number("population", "จำนวนประชากร", "Population", "คน", required: true, max: 10_000_000) with
        {
            HelpTh = "ตามทะเบียนราษฎร ณ วันที่ 31 ธันวาคม ของปีที่ผ่านมา",
            HelpEn = "As registered on 31 December of the previous year.",
        },
        Number("area", "พื้นที่", "Area", "ตร.กม.", required: true, max: 100_000, decimals: 2),
        Money("annualBudget", "งบประมาณรายจ่ายประจำปี", "Annual budget", required: true) with
        {
            HelpTh = "ตามเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณล่าสุด (บาท)",
            HelpEn = "From the latest annual budget ordinance (baht).",
        },
        Text("coordinatorName", "ชื่อ-นามสกุล ผู้ประสานงาน", "Coordinator's full name", required: true),
        Text("coordinatorPosition", "ตำแหน่งผู้ประสานงาน", "Coordinator's position", required: true),
        Text("coordinatorPhone", "หมายเลขโทรศัพท์ผู้ประสานงาน", "Coordinator's telephone", required: true, maxLength: 30),
        Text("coordinatorEmail", "อีเมลผู้ประสานงาน", "Coordinator's e-mail", required: true, maxLength: 254),
    ]);

    private static FormSection Vision() => new("vision", "ส่วนที่ 2 วิสัยทัศน์และพื้นที่เป้าหมาย", "Part 2. Vision and target area", [
        LongText("vision", "วิสัยทัศน์การพัฒนาเมืองน่าอยู่อัจฉริยะ", "Smart city vision", required: true, maxLength: 2000),
        LongText("areaCovered", "พื้นที่เป้าหมายของการพัฒนา", "Area covered", required: true, maxLength: 2000) with
        {
            HelpTh = "ระบุขอบเขตพื้นที่ที่ดำเนินการ เช่น ทั้งเขตเทศบาล หรือเฉพาะชุมชนที่เป็นพื้นที่นำร่อง",
            HelpEn = "Where the work happens, e.g. the whole municipality or pilot communities only.",
        },
        new FormQuestion("inLocalPlan", FormQuestionType.YesNo, "การพัฒนาเมืองอัจฉริยะบรรจุอยู่ในแผนพัฒนาท้องถิ่นแล้ว", "Smart city work is in the local development plan") { Required = true },
        LongText("localPlanLink", "ความเชื่อมโยงกับแผนพัฒนาท้องถิ่น", "Link to the local development plan", required: true, maxLength: 2000) with
        {
            HelpTh = "ระบุยุทธศาสตร์ แผนงาน และปีของแผนพัฒนาท้องถิ่นที่รองรับการดำเนินงาน",
            HelpEn = "The strategy, programme and plan years that cover this work.",
        },
        Files("localPlanFiles", "เอกสารแผนพัฒนาท้องถิ่นที่เกี่ยวข้อง", "Local development plan pages", maxFiles: 3, kinds: [FileKind.Pdf]),
    ]);

    private static FormSection Projects(IReadOnlyList<FormOption> dimensions)
    {
        var questions = new List<FormQuestion>
        {
            Text("title", "ชื่อโครงการ", "Project title", required: true, maxLength: 300),
            new("dimensions", FormQuestionType.MultipleChoice, "มิติของเมืองอัจฉริยะ", "Smart city dimensions")
            {
                Required = true,
                Options = dimensions,
                MinSelections = 1,
                HelpTh = "เลือกได้มากกว่าหนึ่งมิติ",
                HelpEn = "Choose one or more.",
            },
            LongText("problem", "สภาพปัญหาและความจำเป็น", "Problem and need", required: true),
            LongText("solution", "แนวทางการแก้ไขปัญหาและเทคโนโลยีที่นำมาใช้", "Solution and technology used", required: true),
            new("startDate", FormQuestionType.Date, "วันที่เริ่มดำเนินการ", "Start date") { Required = true, MinDate = new DateOnly(2000, 1, 1) },
            Choice("status", "สถานะการดำเนินงาน", "Status", required: true, options: [
                new("planned", "อยู่ระหว่างการวางแผน", "Planned"),
                new("inProgress", "อยู่ระหว่างดำเนินการ", "In progress"),
                new("completed", "ดำเนินการแล้วเสร็จ", "Completed"),
                new("operating", "เปิดให้บริการอย่างต่อเนื่อง", "In continuous operation"),
            ]),
            Money("budget", "งบประมาณโครงการ", "Project budget", required: true),
            new("fundingSources", FormQuestionType.MultipleChoice, "แหล่งงบประมาณ", "Funding sources")
            {
                Required = true,
                MinSelections = 1,
                Options =
                [
                    new("own", "งบประมาณขององค์กรปกครองส่วนท้องถิ่น", "The organisation's own budget"),
                    new("governmentGrant", "เงินอุดหนุนจากรัฐบาล", "Government grant"),
                    new("province", "งบประมาณจังหวัดหรือกลุ่มจังหวัด", "Province or province-group budget"),
                    new("private", "ภาคเอกชน", "Private sector"),
                    new("ppp", "การร่วมลงทุนระหว่างรัฐและเอกชน (PPP)", "Public-private partnership"),
                    new("other", "อื่น ๆ", "Other"),
                ],
            },
            LongText("partners", "ภาคีเครือข่ายที่ร่วมดำเนินการ", "Partners", required: false, maxLength: 2000),
        };
        for (var slot = 1; slot <= IndicatorSlots; slot++)
        {
            var first = slot == 1;
            questions.Add(Text($"indicator{slot}Name", $"ตัวชี้วัดที่ {slot}", $"Indicator {slot}", required: first, maxLength: 300));
            questions.Add(Text($"indicator{slot}Unit", $"หน่วยนับของตัวชี้วัดที่ {slot}", $"Unit of indicator {slot}", required: first, maxLength: 50) with
            {
                HelpTh = "เช่น ร้อยละ ครัวเรือน ตัน/วัน",
                HelpEn = "e.g. percent, households, tonnes a day",
            });
            questions.Add(Number($"indicator{slot}Baseline", $"ค่าฐานของตัวชี้วัดที่ {slot}", $"Baseline of indicator {slot}", null, required: first, decimals: 2));
            questions.Add(Number($"indicator{slot}Target", $"ค่าเป้าหมายของตัวชี้วัดที่ {slot}", $"Target of indicator {slot}", null, required: first, decimals: 2));
            questions.Add(Number($"indicator{slot}Actual", $"ผลการดำเนินงานของตัวชี้วัดที่ {slot}", $"Actual result of indicator {slot}", null, required: false, decimals: 2));
        }

        questions.Add(Number("beneficiaries", "จำนวนผู้ได้รับประโยชน์", "Number of beneficiaries", "คน", required: true, max: 100_000_000));
        questions.Add(LongText("beneficiaryGroups", "กลุ่มผู้ได้รับประโยชน์", "Who benefits", required: false, maxLength: 1000));
        questions.Add(Files("evidence", "หลักฐานประกอบ", "Evidence", maxFiles: 10) with
        {
            HelpTh = "เช่น ภาพถ่ายการดำเนินงาน รายงานผล หรือเอกสารโครงการ (PDF, JPEG, PNG, XLSX, DOCX)",
            HelpEn = "e.g. photos, result reports or project documents (PDF, JPEG, PNG, XLSX, DOCX).",
        });

        return new("projects", "ส่วนที่ 3 โครงการพัฒนาเมืองน่าอยู่อัจฉริยะ", "Part 3. Smart city projects", [
            new FormGroup("items", "โครงการ", "Project", MinItems: 1, MaxItems: 20, questions)
            {
                HelpTh = "รายงานอย่างน้อยหนึ่งโครงการ และไม่เกิน 20 โครงการ",
                HelpEn = "Report at least one and at most 20 projects.",
            },
        ]);
    }

    private static FormSection Data() => new("data", "ส่วนที่ 4 แพลตฟอร์มข้อมูล ข้อมูลเปิด และความมั่นคงปลอดภัยไซเบอร์", "Part 4. Data platform, open data and cybersecurity", [
        new FormQuestion("hasDataPlatform", FormQuestionType.YesNo, "มีแพลตฟอร์มข้อมูลเมือง (City Data Platform)", "Has a city data platform") { Required = true },
        LongText("dataPlatform", "รายละเอียดแพลตฟอร์มข้อมูลเมือง", "About the data platform", required: false, maxLength: 3000) with
        {
            HelpTh = "ระบุข้อมูลที่จัดเก็บ แหล่งข้อมูล และการนำข้อมูลไปใช้ประกอบการตัดสินใจ",
            HelpEn = "What data it holds, where it comes from and how it informs decisions.",
        },
        new FormQuestion("publishesOpenData", FormQuestionType.YesNo, "มีการเปิดเผยข้อมูลเปิดภาครัฐ (Open Data)", "Publishes open data") { Required = true },
        Text("openDataLink", "ที่อยู่เว็บไซต์ของชุดข้อมูลเปิด", "Open data web address", required: false, maxLength: 500),
        Number("openDataSets", "จำนวนชุดข้อมูลที่เปิดเผย", "Number of open datasets", "ชุดข้อมูล", required: false, max: 100_000),
        LongText("cybersecurity", "มาตรการรักษาความมั่นคงปลอดภัยไซเบอร์", "Cybersecurity measures", required: true, maxLength: 3000),
        new FormQuestion("hasDpo", FormQuestionType.YesNo, "แต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) แล้ว", "Has appointed a data protection officer") { Required = true },
        LongText("personalData", "การคุ้มครองข้อมูลส่วนบุคคล", "Personal data protection", required: true, maxLength: 3000) with
        {
            HelpTh = "การดำเนินการตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 เช่น ประกาศความเป็นส่วนตัว และการขอความยินยอม",
            HelpEn = "Steps under the Personal Data Protection Act B.E. 2562 (2019), e.g. privacy notices and consent.",
        },
    ]);

    private static FormSection People() => new("people", "ส่วนที่ 5 การมีส่วนร่วมของประชาชนและการพัฒนาทักษะบุคลากร", "Part 5. Citizen participation and staff skills", [
        LongText("participation", "การมีส่วนร่วมของประชาชนและภาคีเครือข่าย", "Citizen and partner participation", required: true, maxLength: 3000),
        new FormQuestion("participationChannels", FormQuestionType.MultipleChoice, "ช่องทางการมีส่วนร่วมของประชาชน", "Participation channels")
        {
            Options =
            [
                new("forum", "เวทีประชาคม", "Community forum"),
                new("online", "แพลตฟอร์มออนไลน์หรือแอปพลิเคชัน", "Online platform or app"),
                new("socialMedia", "สื่อสังคมออนไลน์", "Social media"),
                new("complaints", "ระบบรับเรื่องร้องเรียน", "Complaints system"),
                new("survey", "การสำรวจความคิดเห็น", "Opinion survey"),
                new("other", "อื่น ๆ", "Other"),
            ],
        },
        LongText("staffSkills", "การพัฒนาทักษะด้านดิจิทัลของบุคลากร", "Staff digital skills development", required: true, maxLength: 3000),
        Number("trainedStaff", "จำนวนบุคลากรที่ผ่านการอบรมด้านดิจิทัลในปีที่ผ่านมา", "Staff trained in digital skills last year", "คน", required: false, max: 100_000),
    ]);

    private static FormSection Sustainability() => new("sustainability", "ส่วนที่ 6 ความยั่งยืนและรูปแบบการลงทุน", "Part 6. Sustainability and funding model", [
        LongText("sustainability", "แนวทางการดำเนินงานให้ต่อเนื่องและยั่งยืน", "How the work continues", required: true, maxLength: 3000),
        LongText("fundingModel", "รูปแบบการลงทุนและแหล่งเงินทุน", "Funding model", required: true, maxLength: 3000) with
        {
            HelpTh = "เช่น งบประมาณขององค์กรปกครองส่วนท้องถิ่น การร่วมลงทุนกับภาคเอกชน หรือรายได้จากการให้บริการ",
            HelpEn = "e.g. own budget, partnership with the private sector, or service revenue.",
        },
    ]);

    private static FormSection Awards() => new("awards", "ส่วนที่ 7 รางวัลและการรับรองมาตรฐาน", "Part 7. Awards and certifications", [
        new FormGroup("items", "รางวัลหรือการรับรอง", "Award or certification", MinItems: 0, MaxItems: 20, [
            Text("name", "ชื่อรางวัลหรือการรับรอง", "Award or certification", required: true, maxLength: 300),
            Text("awardedBy", "หน่วยงานที่มอบ", "Awarded by", required: true),
            Number("year", "ปีที่ได้รับ (พ.ศ.)", "Year received (Buddhist era)", null, required: true, min: 2500, max: 2700),
            Files("evidence", "หลักฐานการได้รับรางวัล", "Evidence", maxFiles: 3),
        ])
        {
            HelpTh = "ถ้าไม่มี ไม่ต้องเพิ่มรายการ",
            HelpEn = "Leave empty if there are none.",
        },
    ]);

    private static FormSection Certification() => new("certification", "ส่วนที่ 8 การรับรองข้อมูล", "Part 8. Certification", [
        Text("certifierName", "ชื่อ-นามสกุล ผู้รับรองข้อมูล", "Certifier's full name", required: true),
        Text("certifierPosition", "ตำแหน่งผู้รับรองข้อมูล", "Certifier's position", required: true) with
        {
            HelpTh = "นายกเทศมนตรี หรือผู้ที่ได้รับมอบหมาย",
            HelpEn = "The mayor or an officer authorised by the mayor.",
        },
        new FormQuestion("certifiedOn", FormQuestionType.Date, "วันที่รับรอง", "Date certified") { Required = true, MinDate = new DateOnly(2000, 1, 1) },
    ])
    {
        HelpTh = "ขอรับรองว่าข้อมูลข้างต้นถูกต้องและเป็นความจริงทุกประการ",
        HelpEn = "I certify that the information above is true and correct.",
    };

    private static FormQuestion Text(string id, string th, string en, bool required, int? maxLength = null) =>
        new(id, FormQuestionType.ShortText, th, en) { Required = required, MaxLength = maxLength };

    private static FormQuestion LongText(string id, string th, string en, bool required, int? maxLength = null) =>
        new(id, FormQuestionType.LongText, th, en) { Required = required, MaxLength = maxLength };

    private static FormQuestion Number(string id, string th, string en, string? unit, bool required, decimal? min = 0, decimal? max = null, int? decimals = null) =>
        new(id, FormQuestionType.Number, th, en) { Required = required, Unit = unit, Min = min, Max = max, Decimals = decimals };

    private static FormQuestion Money(string id, string th, string en, bool required) =>
        new(id, FormQuestionType.Money, th, en) { Required = required, Min = 0, Unit = "บาท" };

    private static FormQuestion Choice(string id, string th, string en, bool required, IReadOnlyList<FormOption> options) =>
        new(id, FormQuestionType.SingleChoice, th, en) { Required = required, Options = options };

    private static FormQuestion Files(string id, string th, string en, int maxFiles, IReadOnlyList<FileKind>? kinds = null) =>
        new(id, FormQuestionType.File, th, en) { MaxFiles = maxFiles, AcceptedKinds = kinds };
}
