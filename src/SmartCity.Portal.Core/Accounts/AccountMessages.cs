using SmartCity.Portal.Common;

namespace SmartCity.Portal.Accounts;

public static class AccountMessages
{
    public static readonly PortalMessage Forbidden = new("accounts-forbidden",
        "เฉพาะผู้ดูแลระบบของกรมและผู้ดูแลระบบระดับจังหวัดเท่านั้นที่จัดการบัญชีผู้ใช้ได้",
        "Only DLA's administrators and provincial administrators may manage accounts.");

    public static readonly PortalMessage UserNotFound = new("user-not-found",
        "ไม่พบบัญชีผู้ใช้นี้ หรือบัญชีนี้อยู่นอกเขตความรับผิดชอบของท่าน",
        "This account was not found or lies outside your jurisdiction.");

    public static readonly PortalMessage MembershipNotFound = new("membership-not-found",
        "ไม่พบการสังกัดนี้ หรืออยู่นอกเขตความรับผิดชอบของท่าน",
        "This membership was not found or lies outside your jurisdiction.");

    public static readonly PortalMessage OfficeNotFound = new("office-not-found",
        "ไม่พบหน่วยงานรหัสนี้ หรือหน่วยงานนี้อยู่นอกเขตความรับผิดชอบของท่าน",
        "There is no office with this code within your jurisdiction.");

    public static readonly PortalMessage OutsideProvince = new("account-outside-jurisdiction",
        "บัญชีนี้มีสังกัดนอกเขตความรับผิดชอบของท่าน หรือเป็นผู้ดูแลระบบ จึงต้องให้ผู้ดูแลระบบของกรมเป็นผู้แก้ไข",
        "This account also serves offices outside your jurisdiction, or is an administrator: DLA's administrators must change it.");

    public static readonly PortalMessage RoleNotGrantable = new("role-not-grantable",
        "ท่านไม่มีสิทธิ์มอบบทบาทนี้ (ผู้ดูแลระบบระดับจังหวัดมอบได้เฉพาะบทบาทเจ้าหน้าที่จังหวัด อำเภอ และเทศบาล)",
        "You may not grant this role (a provincial administrator grants only the province, district and municipality officer roles).");

    public static readonly PortalMessage UnknownRole = new("unknown-role",
        "ไม่รู้จักบทบาทนี้", "There is no such role.");

    public static readonly PortalMessage RoleDoesNotFitOffice = new("role-office-mismatch",
        "บทบาทนี้ใช้กับหน่วยงานประเภทนี้ไม่ได้ (เช่น ผู้รายงานต้องสังกัดเทศบาล เจ้าหน้าที่อำเภอต้องสังกัดที่ทำการปกครองอำเภอ)",
        "This role does not fit this kind of office (a municipality submitter belongs to a municipality, a district officer to a district office, and so on).");

    public static readonly PortalMessage UserNameRequired = new("user-name-required",
        "กรุณากรอกชื่อผู้ใช้", "Please enter a user name.");

    public static readonly PortalMessage UserNameInvalid = new("user-name-invalid",
        "ชื่อผู้ใช้ต้องยาว 3–64 ตัวอักษร ใช้ได้เฉพาะ a–z, 0–9 และ . _ - @",
        "A user name is 3–64 characters of a–z, 0–9 and . _ - @.");

    public static readonly PortalMessage UserNameTaken = new("user-name-taken",
        "มีบัญชีที่ใช้ชื่อผู้ใช้นี้แล้ว กรุณาเลือกชื่ออื่น", "This user name is already taken.");

    public static readonly PortalMessage DisplayNameRequired = new("display-name-required",
        "กรุณากรอกชื่อ–นามสกุล", "Please enter the person's name.");

    public static readonly PortalMessage DisplayNameTooLong = new("display-name-too-long",
        "ชื่อ–นามสกุลยาวเกิน 200 ตัวอักษร", "The name is longer than 200 characters.");

    public static readonly PortalMessage EmailInvalid = new("email-invalid",
        "รูปแบบอีเมลไม่ถูกต้อง", "The e-mail address is not valid.");

    public static readonly PortalMessage EmailTaken = new("email-taken",
        "อีเมลนี้ใช้กับบัญชีอื่นอยู่แล้ว", "This e-mail address belongs to another account.");

    public static readonly PortalMessage EntraUpnTaken = new("entra-upn-taken",
        "ชื่อบัญชี Entra (UPN) นี้ผูกกับบัญชีอื่นอยู่แล้ว", "This Entra UPN is already bound to another account.");

    public static readonly PortalMessage PositionTooLong = new("position-too-long",
        "ตำแหน่งยาวเกิน 200 ตัวอักษร", "The position is longer than 200 characters.");

    public static readonly PortalMessage MembershipRequired = new("membership-required",
        "กรุณาระบุหน่วยงานและบทบาทอย่างน้อยหนึ่งรายการ", "Give at least one office and role.");

    public static readonly PortalMessage MembershipExists = new("membership-exists",
        "ผู้ใช้นี้สังกัดหน่วยงานนี้อยู่แล้ว", "This person is already a member of this office.");

    public static readonly PortalMessage EndDateInPast = new("end-date-in-past",
        "วันสิ้นสุดต้องไม่ก่อนวันนี้", "The end date cannot be before today.");

    public static readonly PortalMessage Stale = new("account-stale",
        "มีผู้อื่นแก้ไขบัญชีนี้ไปแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง", "Someone else changed this account first. Reload and try again.");

    public static readonly PortalMessage NotYourself = new("not-yourself",
        "ท่านไม่สามารถระงับบัญชีหรือยกเลิกสิทธิ์ผู้ดูแลระบบของตนเองได้", "You cannot disable your own account or end your own administrator membership.");

    public static readonly PortalMessage LastAdmin = new("last-admin",
        "นี่คือผู้ดูแลระบบของกรมคนสุดท้ายที่ใช้งานได้ จึงระงับหรือยกเลิกไม่ได้ กรุณาเพิ่มผู้ดูแลระบบคนอื่นก่อน",
        "This is the last active DLA administrator; add another one first.");

    public static readonly PortalMessage AlreadyDisabled = new("already-disabled",
        "บัญชีนี้ถูกระงับอยู่แล้ว", "This account is already disabled.");

    public static readonly PortalMessage NotDisabled = new("not-disabled",
        "บัญชีนี้ใช้งานได้อยู่แล้ว", "This account is not disabled.");

    public static readonly PortalMessage MembershipAlreadyEnded = new("membership-ended",
        "การสังกัดนี้สิ้นสุดไปแล้ว", "This membership has already ended.");

    public static readonly PortalMessage LinksNeedLocalMode = new("links-local-only",
        "ระบบใช้การลงชื่อเข้าใช้ด้วย Microsoft Entra จึงไม่มีลิงก์ตั้งรหัสผ่าน", "The portal signs in with Microsoft Entra: there are no set-password links.");

    public static readonly PortalMessage AccountDisabledNoLink = new("account-disabled",
        "บัญชีนี้ถูกระงับอยู่ ต้องเปิดใช้งานก่อนจึงจะออกลิงก์ตั้งรหัสผ่านได้", "This account is disabled; enable it before issuing a set-password link.");

    // Links and passwords

    public static readonly PortalMessage LinkInvalid = new("link-invalid",
        "ลิงก์นี้ไม่ถูกต้อง กรุณาตรวจสอบว่าคัดลอกลิงก์มาครบถ้วน หรือขอลิงก์ใหม่",
        "This link is not valid. Check that it was copied whole, or ask for a new one.");

    public static readonly PortalMessage LinkExpired = new("link-expired",
        "ลิงก์นี้หมดอายุแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบ หรือใช้ \"ลืมรหัสผ่าน\"",
        "This link has expired. Ask your administrator for a new one, or use \"Forgot password\".");

    public static readonly PortalMessage LinkUsed = new("link-used",
        "ลิงก์นี้ถูกใช้ตั้งรหัสผ่านไปแล้ว ใช้ได้เพียงครั้งเดียว หากจำรหัสผ่านไม่ได้ กรุณาใช้ \"ลืมรหัสผ่าน\"",
        "This link has already been used; it works once. If you do not remember the password, use \"Forgot password\".");

    public static readonly PortalMessage LinkRevoked = new("link-revoked",
        "ลิงก์นี้ถูกยกเลิกแล้ว เนื่องจากมีการออกลิงก์ใหม่หรือเปลี่ยนรหัสผ่านไปแล้ว กรุณาใช้ลิงก์ล่าสุด",
        "This link was cancelled because a newer link was issued or the password was changed. Use the newest link.");

    public static readonly PortalMessage CurrentPasswordWrong = new("current-password-wrong",
        "รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is incorrect.");

    public static readonly PortalMessage NoLocalPassword = new("no-local-password",
        "บัญชีนี้ไม่มีรหัสผ่านในระบบ (ลงชื่อเข้าใช้ด้วย Microsoft Entra)", "This account has no portal password (it signs in with Microsoft Entra).");

    public static readonly PortalMessage SignInRequired = new("sign-in-required",
        "กรุณาเข้าสู่ระบบก่อน", "Please sign in first.");

    public static PortalMessage PasswordTooShort(int min) => new("password-too-short",
        $"รหัสผ่านต้องยาวอย่างน้อย {min} ตัวอักษร (ใช้วลีที่จำง่ายแต่เดายากได้ เช่น คำหลายคำต่อกัน)",
        $"The password must be at least {min} characters long (a memorable phrase of several words works well).");

    public static readonly PortalMessage PasswordTooLong = new("password-too-long",
        "รหัสผ่านยาวเกิน 128 ตัวอักษร", "The password is longer than 128 characters.");

    public static readonly PortalMessage PasswordHasUserName = new("password-has-user-name",
        "รหัสผ่านต้องไม่มีชื่อผู้ใช้ของท่านอยู่ในนั้น", "The password must not contain your user name.");

    public static readonly PortalMessage PasswordHasPortalName = new("password-has-portal-name",
        "รหัสผ่านต้องไม่มีชื่อระบบหรือชื่อหน่วยงาน (เช่น smartcity, สถ.) อยู่ในนั้น",
        "The password must not contain the portal's or the department's name (such as smartcity).");

    public static readonly PortalMessage PasswordCommon = new("password-common",
        "รหัสผ่านนี้พบบ่อยในรายการรหัสผ่านที่ถูกเดาได้ง่าย กรุณาเลือกรหัสผ่านอื่น",
        "This password is on the list of commonly used, easily guessed passwords. Choose another.");

    public static readonly PortalMessage PasswordRepetitive = new("password-repetitive",
        "รหัสผ่านต้องไม่ใช่ตัวอักษรซ้ำ ๆ หรือเรียงกัน (เช่น aaaaaaaa, 12345678)",
        "The password must not be one repeated character or a simple sequence (such as aaaaaaaa or 12345678).");

    public static readonly PortalMessage PasswordSameAsCurrent = new("password-same",
        "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม", "The new password must differ from the current one.");

    // Bootstrap

    public static readonly PortalMessage AdminExists = new("admin-exists",
        "มีผู้ดูแลระบบของกรมที่ใช้งานได้อยู่แล้ว จึงไม่สร้างผู้ดูแลระบบเริ่มต้นเพิ่ม (หากจำเป็นจริง ให้ใช้ --force ซึ่งจะถูกบันทึกไว้)",
        "An active DLA administrator already exists, so no second bootstrap administrator was created (if it is really needed, use --force; it is recorded).");

    public static readonly PortalMessage NoDepartment = new("no-department",
        "ไม่พบหน่วยงานระดับกรม (DLA) ในฐานข้อมูล", "The department (DLA) is missing from the database.");
}
