/// A safeguarding concern an auditor raises from a case: the child may not be safe now. It cannot wait for the audit's
/// findings: the child's team manager and head of service are told at once, and it must be acted on the same working
/// day (Working Together 2023: concerns about a child's safety are acted on without delay).
public enum SafeguardingConcern {
    /// The day it must be acted on: the day it was raised, or the next working day when raised on a weekend or bank
    /// holiday.
    public static func due(raisedOn day: ISODay, calendar: WorkingDays) -> ISODay {
        var due = day
        while !calendar.isWorkingDay(due) { due = due.adding(days: 1) }
        return due
    }

    /// "Due today", "Due Monday 7 December 2026", or "2 working days overdue" until it is acknowledged.
    public static func state(due: ISODay, on today: ISODay, calendar: WorkingDays) -> (words: String, overdue: Bool) {
        if today == due { return ("Due today", false) }
        if today < due { return ("Due \(due.inWords)", false) }
        let late = calendar.count(after: due, through: today)
        return ("\(late) working day\(late == 1 ? "" : "s") overdue", true)
    }

    /// The concern as typed, or why it cannot be raised.
    public static func checked(_ text: String, field: String = "concern") -> Result<String, FieldMistakes> {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(FieldMistakes(all: [FieldMistake(field: field, message: "Say what the concern is")])) }
        if text.count > CaseAuditResponse.longestText {
            return .failure(FieldMistakes(all: [FieldMistake(field: field, message: "The concern must be 4000 characters or fewer")]))
        }
        return .success(text)
    }
}
