/// A random number generator that gives the same numbers for the same seed on every machine (SplitMix64, Steele,
/// Lea and Flood 2014), so that `waymark demo generate --seed S` always makes the same children, and an audit
/// programme's sample and a bootstrap's resamples can be drawn again from their seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with this probability.
    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    public mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &self)] }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// An index below `count`, by the remainder of the next number: written out here, not left to the standard
    /// library's choice of method, so a draw stays the same whatever Swift it is run with.
    public mutating func index(below count: Int) -> Int { Int(next() % UInt64(count)) }

    /// An index below `count` by the high half of the next number times `count` (Lemire 2019): a multiplication, not a
    /// division, for the millions of draws of a bootstrap. Its draws differ from `index(below:)`'s, which samples and
    /// anything else a kept seed must draw again keep.
    public mutating func fastIndex(below count: Int) -> Int { Int(UInt64(count).multipliedFullWidth(by: next()).high) }
}
