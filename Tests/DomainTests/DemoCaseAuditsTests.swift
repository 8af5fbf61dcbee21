import Testing
import WaymarkDomain

@Suite("The demo's case audits: what the forms would accept, spread as the council describes")
struct DemoCaseAuditsTests {
    /// Six domains, as the council's audit has, of two items each.
    let instrument: AuditInstrument = {
        var instrument = AuditInstrumentTests.example
        instrument.domains = (1...6).map { n in
            .init(
                id: "domain-\(n)", title: "Domain \(n)", standards: [],
                items: [.init(id: "item-\(n)a", text: "A."), .init(id: "item-\(n)b", text: "B.")])
        }
        return instrument
    }()

    @Test("A year of made-up audits all pass the audit form's checks, most requiring improvement")
    func audits() throws {
        var random = SeededRandom(seed: 3)
        var overall: [Int] = []
        for _ in 0..<400 {
            let audit = try DemoCaseAudits.response(for: instrument, using: &random).completed(against: instrument).get()
            overall.append(audit.overall)
            let moderation = DemoCaseAudits.moderation(of: audit, instrument: instrument, differing: 0.25, using: &random)
            let grades = try moderation.completed(against: instrument).get()
            let disputed = grades.compactMap { domain, given -> (domain: String, auditor: Int, moderator: Int)? in
                let first = domain == CompletedCaseAudit.overallKey ? audit.overall : audit.domains.first { $0.domain == domain }!.grade
                return first == given.grade ? nil : (domain, first, given.grade)
            }
            let typed = DemoCaseAudits.adjudication(disputed, using: &random)
            _ = try typed.settled(disputed: disputed.map { ($0.domain, $0.domain, $0.auditor) }, scaleSize: 4).get()
        }
        let counts = (0..<4).map { grade in overall.filter { $0 == grade }.count }
        #expect(counts[2] > counts[1] && counts[1] > counts[3], "\(counts)")
        #expect(counts[3] > 0 && counts[0] > 0, "\(counts)")
    }

    @Test("Second auditors differ about as often as asked")
    func differing() throws {
        var random = SeededRandom(seed: 4)
        func differing(_ chance: Double) throws -> Int {
            var count = 0
            for _ in 0..<300 {
                let audit = try DemoCaseAudits.response(for: instrument, using: &random).completed(against: instrument).get()
                let grades = try DemoCaseAudits.moderation(of: audit, instrument: instrument, differing: chance, using: &random)
                    .completed(against: instrument).get()
                count += audit.domains.filter { grades[$0.domain]!.grade != $0.grade }.count
            }
            return count
        }
        // 1,800 domain grades each: about 450 differ at 25%, none at 0.
        #expect((380...520).contains(try differing(0.25)))
        #expect(try differing(0) == 0)
    }
}
