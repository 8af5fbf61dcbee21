import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// The demo's calibration: a vignette issued two months ago, graded by the QA team and its grades agreed, so each
/// auditor has their distance to see; and one issued five days ago, open for another nine, graded by one auditor.
enum CalibrationDemo {
    static let childInNeed = """
        Child A is 9 and lives with her mother and younger brother. Her school referred her in the spring after she was late most mornings and told a teaching assistant there was "no food at home". The single assessment took 38 working days; it describes the family's debts and her mother's low mood, but not what Child A thinks about home.

        A child in need plan was agreed at the first meeting. It lists actions for the school (breakfast club), the health visitor and her mother, with no dates. It was reviewed once, at four months: attendance is better and the food bank referral was made; the review does not say whether her mother saw her GP.

        The social worker visited five times in six months, always at home after school, and saw Child A alone twice. The notes record her saying she likes breakfast club and worries about her mum. One supervision record mentions the family: "progressing, continue plan". There is no contingency plan, and nothing on the family's culture, faith or first language.
        """

    static let teenager = """
        Young person B is 15 and has been looked after for two years. She is in her third placement, a foster home 20 miles from her school. In the last month she has been missing overnight three times; a return interview was offered each time and one took place: it records that she was with older friends in the town centre.

        Her independent reviewing officer asked at her last review, two months ago, for a strategy discussion about exploitation; the file does not show one. Her pathway plan has not been started, though she is 16 in three months. She has been visited every six weeks, the last time by a duty worker who had not met her.

        Her foster carer has asked for more support and says the placement may end. B's views are recorded at the review in her own words: she wants to live nearer her friends and her grandmother. Her heritage is recorded as White and Black Caribbean; nothing on the file considers her identity.
        """

    /// Places on the default scale (0 outstanding … 3 inadequate), in the instrument's order, the overall grade last.
    static let agreed = [2, 2, 1, 1, 3, 2, 2]
    static let given = [[2, 2, 2, 1, 2, 2, 2], [1, 2, 1, 1, 2, 2, 1], [2, 3, 1, 1, 3, 2, 2], [2, 2, 1, 2, 3, 3, 2]]

    static func load(lead: User, auditors: [User], madeOn: ISODay, on db: any Database) async throws {
        let instrument = AuditInstruments.caseFileAudit
        let ids = instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]
        func grades(_ places: [Int]) -> [String: Int] { Dictionary(uniqueKeysWithValues: zip(ids, places)) }
        let issued = madeOn.adding(months: -2)
        let first = try await CalibrationStore.issue(
            title: "A child in need, six months on", vignette: childInNeed, instrument: AuditInstruments.caseFileAuditText,
            closesOn: issued.adding(days: 14), by: lead.displayName, actor: .system, at: issued.start.addingTimeInterval(9 * 3600), on: db)
        for (index, grader) in ([lead] + auditors).prefix(given.count).enumerated() {
            let day = issued.adding(days: 2 + 3 * index)
            try await CalibrationStore.grade(
                first, grades: grades(given[index]), by: grader.requireID(), today: day, actor: .system, at: day.start.addingTimeInterval(14 * 3600),
                on: db)
        }
        let agreedOn = issued.adding(days: 16)
        try await CalibrationStore.agree(
            first, grades: grades(agreed), by: lead.displayName, actor: .system, at: agreedOn.start.addingTimeInterval(11 * 3600), on: db)
        let opened = madeOn.adding(days: -5)
        let second = try await CalibrationStore.issue(
            title: "A teenager looked after, her placement at risk", vignette: teenager, instrument: AuditInstruments.caseFileAuditText,
            closesOn: madeOn.adding(days: 9), by: lead.displayName, actor: .system, at: opened.start.addingTimeInterval(9 * 3600), on: db)
        if let auditor = auditors.first {
            let day = madeOn.adding(days: -2)
            try await CalibrationStore.grade(
                second, grades: grades([2, 3, 2, 2, 3, 3, 3]), by: auditor.requireID(), today: day, actor: .system,
                at: day.start.addingTimeInterval(10 * 3600), on: db)
        }
    }
}
