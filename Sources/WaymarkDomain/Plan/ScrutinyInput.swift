/// A young people's scrutiny meeting as typed into the form, and its rules.
public struct ScrutinyInput: Sendable, Equatable {
    public var metOn: String
    public var attendees: String
    public var findings: String

    public init(metOn: String, attendees: String, findings: String) {
        self.metOn = metOn
        self.attendees = attendees
        self.findings = findings
    }

    public struct Checked: Sendable, Equatable {
        public var metOn: ISODay
        public var attendees: String
        public var findings: String
    }

    /// The meeting, or a message for each field that is wrong. A meeting cannot be recorded before it happens.
    public func check(today: ISODay) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        let day = ISODay(metOn.trimmingWhitespace)
        if day == nil {
            mistakes.append(.init(field: "metOn", message: "Enter the day of the meeting as a real date, for example 18 11 2026"))
        } else if let day, today < day {
            mistakes.append(.init(field: "metOn", message: "The meeting must be today or in the past"))
        }
        let attendees = String(attendees.trimmingWhitespace)
        if attendees.isEmpty { mistakes.append(.init(field: "attendees", message: "Say who took part (groups and numbers, not children's names)")) }
        let findings = String(findings.trimmingWhitespace)
        if findings.isEmpty { mistakes.append(.init(field: "findings", message: "Enter what the young people found and asked for")) }
        guard mistakes.isEmpty, let day else { return .failure(.init(all: mistakes)) }
        return .success(Checked(metOn: day, attendees: attendees, findings: findings))
    }
}
