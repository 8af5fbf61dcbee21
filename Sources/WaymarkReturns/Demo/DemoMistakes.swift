import WaymarkDomain

/// The few mistakes the demo makes on purpose in each complete year's returns, so that validation has something to
/// show and a newcomer sees what the checks do. Each is a mistake councils' returns commonly carry; the demo makes
/// no other (`DemoReturnsTests` counts them). They are documented in docs/demo.md.
public enum DemoMistakes {
    /// The rules they break, with how many rows each: the SSDA903's and the CIN census's.
    public static let ssda903 = ["440": 2, "442": 1]
    public static let census = ["8610": 2, "8608": 1]

    /// Two reviews of children aged 4 or more recorded as "under 4" (PN0: rule 440); one child looked after with no
    /// pupil number and no reason (rule 442).
    static func make(in ssda903: inout SSDA903Return) {
        let born = Dictionary((ssda903.rows[.header] ?? []).map { ($0.childID, $0.date(.dob)) }, uniquingKeysWith: { first, _ in first })
        var reviews = ssda903.rows[.reviews] ?? []
        var left = Self.ssda903["440"]!
        for index in reviews.indices where left > 0 {
            guard let birth = born[reviews[index].childID] ?? nil, let on = reviews[index].date(.review),
                birth.age(on: on) >= 5
            else { continue }
            reviews[index].values[.reviewCode] = "PN0"
            left -= 1
        }
        ssda903.rows[.reviews] = reviews
        let lookedAfter = Set((ssda903.rows[.episodes] ?? []).map(\.childID))
        if let index = ssda903.rows[.header]?.firstIndex(where: { lookedAfter.contains($0.childID) }) {
            ssda903.rows[.header]![index].values[.upn] = ""
        }
    }

    /// Two episodes after an assessment with no primary need (rule 8610); one assessment authorised the day before it
    /// started, the dates typed the wrong way round (rule 8608).
    static func make(in census: inout CINCensus) {
        var needless = Self.census["8610"]!, reversed = Self.census["8608"]!
        let yearStart = (Int(census.header.year).map { ISODay(year: $0 - 1, month: 4, day: 1) }) ?? ISODay(year: 1, month: 1, day: 1)
        for child in census.children.indices {
            for episode in census.children[child].episodes.indices where census.children[child].episodes[episode].referralNFA == "false" {
                if needless > 0 {
                    census.children[child].episodes[episode].primaryNeed = nil
                    needless -= 1
                } else if reversed > 0, let assessment = census.children[child].episodes[episode].assessments.first,
                    let start = ISODay(assessment.start), start > yearStart, assessment.authorised != nil
                {
                    census.children[child].episodes[episode].assessments[0].authorised = start.adding(days: -1).description
                    reversed -= 1
                }
            }
        }
    }
}
