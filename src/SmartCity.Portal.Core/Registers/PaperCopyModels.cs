namespace SmartCity.Portal.Registers;

public sealed record RegisterEntryView(
    long Id, RegisterKind Kind, int Year, int Number, string DisplayNumber, string Subject, int? SubmissionId,
    DateTime DocumentDate, string? Note, DateTime RecordedUtc, string RecordedByUserName,
    DateTime? CancelledUtc, string? CancelReason, string? CancelledByUserName);

public sealed record PaperCopyReceipt(long EntryId, string ReceiveNo, int SubmissionId, Guid SubmissionConcurrencyToken);
