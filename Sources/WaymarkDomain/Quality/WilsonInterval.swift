import Foundation

/// The Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it stays within 0 to 1
/// and holds for the small counts a team's month of audits gives (3 of 4 good is 30% to 95%, not 33% to 117%).
public enum WilsonInterval {
    /// The 95% interval for `count` of `total`, or nil when there are none.
    public static func of(_ count: Int, in total: Int, z: Double = 1.959_963_984_540_054) -> ClosedRange<Double>? {
        guard total > 0 else { return nil }
        let n = Double(total), p = Double(count) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }
}
