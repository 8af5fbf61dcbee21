/// A supervision agreement as typed: who supervises whom, who covers when the supervisor is away, from when, and
/// whether the supervisee is newly qualified (which sets the cadence, `SupervisionCadence`).
public struct SupervisionAgreementForm: Sendable, Equatable {
    /// Account ids.
    public var supervisee = ""
    public var supervisor = ""
    public var cover = ""
    /// yyyy-mm-dd, or as typed.
    public var starts = ""
    public var newlyQualified = false
    /// The day a newly qualified worker started in post; empty: the day the agreement starts.
    public var qualifiedSince = ""

    public init() {}

    public struct Checked: Sendable, Equatable {
        public var supervisee: String, supervisor: String, cover: String?
        public var starts: ISODay
        public var cadence: SupervisionCadence
    }

    /// - Parameters: `supervisees` the accounts this person may set an agreement up for; `supervisors` those who may
    ///   supervise (and cover).
    public func checked(today: ISODay, supervisees: Set<String>, supervisors: Set<String>) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        if !supervisees.contains(supervisee) { mistake("supervisee", "Choose the person supervised") }
        if !supervisors.contains(supervisor) {
            mistake("supervisor", "Choose their supervisor")
        } else if supervisor == supervisee {
            mistake("supervisor", "A person cannot supervise themselves")
        }
        if !cover.isEmpty {
            if !supervisors.contains(cover) {
                mistake("cover", "Choose the cover supervisor from the list, or leave it blank")
            } else if cover == supervisor || cover == supervisee {
                mistake("cover", "The cover supervisor must be someone other than the supervisor and the person supervised")
            }
        }
        let starts = ISODay(self.starts)
        if self.starts.isEmpty {
            mistake("starts", "Enter the day the agreement starts")
        } else if starts == nil {
            mistake("starts", "The day the agreement starts must be a real date, for example 1 12 2026")
        } else if let starts, starts > today.adding(months: 3) {
            mistake("starts", "The day the agreement starts must be within the next 3 months")
        }
        var since = starts
        if newlyQualified && !qualifiedSince.isEmpty {
            since = ISODay(qualifiedSince)
            if since == nil {
                mistake("qualified-since", "The day they started in post must be a real date, for example 7 9 2026")
            } else if let since, since > today {
                mistake("qualified-since", "The day they started in post must be today or earlier")
            } else if let since, let starts, since < starts.adding(months: -12) {
                mistake("qualified-since", "A worker who started over a year before the agreement is no longer newly qualified")
            }
        }
        guard mistakes.isEmpty, let starts else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            Checked(
                supervisee: supervisee, supervisor: supervisor, cover: cover.isEmpty ? nil : cover, starts: starts,
                cadence: newlyQualified ? .newlyQualified(since: since ?? starts) : .monthly))
    }
}
