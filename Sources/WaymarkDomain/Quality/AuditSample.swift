/// Drawing the children an audit programme audits: a seeded, stratified random sample. Each child is ranked within its
/// stratum (a team, say) by a key worked out from the seed and the child's identifier alone, and the first in each
/// stratum are taken, so the same seed and population give the same children whatever order they are read in, and
/// anyone holding the seed, the population and the strata can draw the sample again.
public enum AuditSample {
    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var stratum: String

        public init(id: String, stratum: String) { (self.id, self.stratum) = (id, stratum) }
    }

    /// How many to draw: the same number from each stratum, or a total shared out in proportion to each stratum's
    /// size.
    public enum Quota: Sendable, Equatable {
        case perStratum(Int)
        case total(Int)
    }

    public struct Stratum: Sendable, Equatable {
        public var name: String
        /// In the cohort; of those, not excluded; of those, drawn.
        public var population: Int, eligible: Int, drawn: Int

        public init(name: String, population: Int, eligible: Int, drawn: Int) {
            (self.name, self.population, self.eligible, self.drawn) = (name, population, eligible, drawn)
        }
    }

    public struct Drawn: Sendable, Equatable {
        public var seed: UInt64
        public var population: Int
        /// By name.
        public var strata: [Stratum]
        /// Stratum by stratum (by name), each in the order drawn.
        public var chosen: [Candidate]
    }

    /// Draws the sample. `excluding` holds those not to be drawn (audited in the last few months).
    public static func draw(_ population: [Candidate], quota: Quota, seed: UInt64, excluding: Set<String> = []) -> Drawn {
        let byStratum = Dictionary(grouping: population, by: \.stratum)
        let names = byStratum.keys.sorted()
        let eligible = names.map { name in byStratum[name]!.filter { !excluding.contains($0.id) } }
        let counts: [Int]
        switch quota {
        case .perStratum(let each): counts = eligible.map { min(max(0, each), $0.count) }
        case .total(let total): counts = shares(of: max(0, total), among: eligible.map(\.count), names: names)
        }
        var chosen: [Candidate] = []
        for (index, candidates) in eligible.enumerated() {
            let ranked = candidates.map { (key(of: $0.id, seed: seed), $0) }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
            chosen += ranked.prefix(counts[index]).map(\.1)
        }
        return Drawn(
            seed: seed, population: population.count,
            strata: names.indices.map {
                Stratum(name: names[$0], population: byStratum[names[$0]]!.count, eligible: eligible[$0].count, drawn: counts[$0])
            },
            chosen: chosen)
    }

    /// A total shared out in proportion to the strata's sizes (Hamilton's largest remainder): each its whole share,
    /// then one more each to those with the largest fractions left (a tie to the larger stratum, then by name) until the
    /// total is reached. All of every stratum where the total is more than there are.
    public static func shares(of total: Int, among sizes: [Int], names: [String]) -> [Int] {
        let all = sizes.reduce(0, +)
        guard all > total else { return sizes }
        let exact = sizes.map { Double(total) * Double($0) / Double(all) }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = sizes.indices.sorted { a, b in
            let (fa, fb) = (exact[a] - Double(shares[a]), exact[b] - Double(shares[b]))
            return fa != fb ? fa > fb : sizes[a] != sizes[b] ? sizes[a] > sizes[b] : names[a] < names[b]
        }
        for index in order.prefix(total - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }

    /// A child's rank key: FNV-1a (64-bit) of the identifier's bytes, mixed with the seed by SplitMix64.
    public static func key(of id: String, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        var random = SeededRandom(seed: seed ^ hash)
        return random.next()
    }
}
