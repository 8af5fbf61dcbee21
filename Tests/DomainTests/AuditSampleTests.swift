import Testing
import WaymarkDomain

@Suite("Drawing an audit programme's sample: seeded, stratified, drawn again the same")
struct AuditSampleTests {
    @Test("The rank keys, as worked out independently (Python's integers: FNV-1a 64, then SplitMix64)")
    func keys() {
        #expect(AuditSample.key(of: "C1", seed: 7) == 18_157_589_809_163_436_129)
        #expect(AuditSample.key(of: "C2", seed: 7) == 1_626_739_889_250_571_994)
        #expect(AuditSample.key(of: "C3", seed: 7) == 5_577_193_177_382_221_293)
        #expect(AuditSample.key(of: "C4", seed: 7) == 4_012_597_903_410_964_735)
    }

    @Test("Two from a stratum of four: the two lowest keys, C2 then C4")
    func byHand() {
        let team = ["C1", "C2", "C3", "C4"].map { AuditSample.Candidate(id: $0, stratum: "MASH Team") }
        let drawn = AuditSample.draw(team, quota: .perStratum(2), seed: 7)
        #expect(drawn.chosen.map(\.id) == ["C2", "C4"])
        #expect(drawn.strata == [.init(name: "MASH Team", population: 4, eligible: 4, drawn: 2)])
        // Excluding C2 (audited lately) brings in the next: C3.
        #expect(AuditSample.draw(team, quota: .perStratum(2), seed: 7, excluding: ["C2"]).chosen.map(\.id) == ["C4", "C3"])
    }

    @Test("The same seed draws the same children whatever order they are read in; another seed draws others")
    func reproducible() {
        let population = (1...500).map { AuditSample.Candidate(id: "CH\($0)", stratum: "Team \($0 % 7)") }
        let drawn = AuditSample.draw(population, quota: .perStratum(3), seed: 2026)
        #expect(AuditSample.draw(population.reversed(), quota: .perStratum(3), seed: 2026) == drawn)
        #expect(AuditSample.draw(population.shuffled(), quota: .perStratum(3), seed: 2026) == drawn)
        #expect(AuditSample.draw(population, quota: .perStratum(3), seed: 2027).chosen != drawn.chosen)
        #expect(drawn.chosen.count == 21)
        #expect(drawn.strata.allSatisfy { $0.drawn == 3 })
    }

    @Test("A total shared in proportion (largest remainder), by hand")
    func shares() {
        // 10 among 12, 7 and 1 (20 in all): exact shares 6, 3.5 and 0.5; whole parts 6, 3, 0; the one left goes to the
        // larger of the two with a half left: 6, 4, 0.
        #expect(AuditSample.shares(of: 10, among: [12, 7, 1], names: ["A", "B", "C"]) == [6, 4, 0])
        // More asked for than there are: all of each.
        #expect(AuditSample.shares(of: 30, among: [12, 7, 1], names: ["A", "B", "C"]) == [12, 7, 1])
        // 3 among three strata of 5: one each.
        #expect(AuditSample.shares(of: 3, among: [5, 5, 5], names: ["A", "B", "C"]) == [1, 1, 1])
        // 2 among three of 5: the tie goes by name.
        #expect(AuditSample.shares(of: 2, among: [5, 5, 5], names: ["A", "B", "C"]) == [1, 1, 0])
        let population = (1...20).map { AuditSample.Candidate(id: "C\($0)", stratum: $0 <= 12 ? "A" : $0 <= 19 ? "B" : "C") }
        let drawn = AuditSample.draw(population, quota: .total(10), seed: 1)
        #expect(drawn.strata.map(\.drawn) == [6, 4, 0])
        #expect(drawn.chosen.count == 10)
    }

    @Test("A stratum smaller than its quota gives all it has")
    func small() {
        let population = [AuditSample.Candidate(id: "C1", stratum: "Small team")]
        #expect(AuditSample.draw(population, quota: .perStratum(3), seed: 1).chosen.map(\.id) == ["C1"])
        #expect(AuditSample.draw([], quota: .perStratum(3), seed: 1).chosen.isEmpty)
    }
}
