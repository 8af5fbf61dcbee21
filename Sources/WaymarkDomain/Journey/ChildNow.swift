/// Where a child is now, from their records, for the top of their page: each episode, plan and placement still open
/// on the day, in words (`RecordInWords`), with the day it began; for a care leaver, their latest contact.
public enum ChildNow {
    /// In the order a social worker reads a child's situation: the referral, the plans, care, leaving care, early help.
    static let kinds: [JourneyKind] = [
        .cinEpisode, .cinPlan, .cinProtectionPlan, .ssda903(.episodes), .caseSystem(.careLeavers), .caseSystem(.earlyHelpEpisodes),
    ]

    public static func lines(_ records: [JourneyRecord], on today: ISODay) -> [String] {
        kinds.compactMap { kind in
            let open = records.filter { record in
                record.kind == kind && record.starts.map { $0 <= today } == true && (record.ends.map { $0 > today } ?? true)
            }
            guard let latest = open.max(by: { ($0.starts!, $0.naturalKey) < ($1.starts!, $1.naturalKey) }) else { return nil }
            // A care leaver's record is dated by its latest contact, not by when leaving care began.
            let since = kind == .caseSystem(.careLeavers) ? "latest contact" : "since"
            return "\(RecordInWords.sentence(latest)); \(since) \(latest.starts!.written)"
        }
    }
}
